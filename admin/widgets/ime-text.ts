/**
 * IME-safe replacements for Decap's `string` and `text` controls.
 *
 * Decap's own controls render `value` straight from its store. The first change to a new
 * entry re-renders the whole editor; while that is under way the input is handed an older
 * value and the syllable being composed is cut off or doubled (typing 한글 gives 한ㄱ글):
 * measured with CDP composition events in tests/e2e/cms-ime.test.ts.
 * These controls keep what the editor types in their own state, so the DOM value is never
 * rewound under the IME; a value changed from outside (entry loaded, list reordered) is
 * taken over whenever the field is not being typed into.
 */
import { Component, createElement, type ChangeEvent, type CompositionEvent } from 'react';
import TextareaAutosize from 'react-textarea-autosize';

interface ControlProps {
  forID?: string;
  value?: unknown;
  onChange(value: string): void;
  classNameWrapper: string;
  setActiveStyle(): void;
  setInactiveStyle(): void;
  isDisabled?: boolean;
}

interface ControlState {
  value: string;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : value == null ? '' : String(value);
}

function imeSafeControl(kind: 'input' | 'textarea') {
  return class ImeSafeControl extends Component<ControlProps, ControlState> {
    state: ControlState = { value: text(this.props.value) };
    private el: HTMLInputElement | HTMLTextAreaElement | null = null;
    private composing = false;

    private editing(): boolean {
      return this.composing || (this.el !== null && this.el.ownerDocument.activeElement === this.el);
    }

    componentDidUpdate(prev: ControlProps): void {
      const external = text(this.props.value);
      if (external !== text(prev.value) && external !== this.state.value && !this.editing()) {
        this.setState({ value: external });
      }
    }

    private handleChange = (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>): void => {
      const value = e.target.value;
      this.setState({ value });
      this.props.onChange(value);
    };

    private handleCompositionStart = (): void => {
      this.composing = true;
    };

    private handleCompositionEnd = (e: CompositionEvent<HTMLInputElement | HTMLTextAreaElement>): void => {
      this.composing = false;
      // Some browsers fire the last input event before compositionend: send the final text.
      const value = e.currentTarget.value;
      if (value !== text(this.props.value)) {
        this.setState({ value });
        this.props.onChange(value);
      }
    };

    private handleBlur = (): void => {
      this.props.setInactiveStyle();
      if (this.state.value !== text(this.props.value)) this.props.onChange(this.state.value);
    };

    private setRef = (el: HTMLInputElement | HTMLTextAreaElement | null): void => {
      this.el = el;
    };

    render() {
      const { forID, classNameWrapper, setActiveStyle, isDisabled } = this.props;
      const common = {
        id: forID,
        className: classNameWrapper,
        value: this.state.value,
        onChange: this.handleChange,
        onCompositionStart: this.handleCompositionStart,
        onCompositionEnd: this.handleCompositionEnd,
        onFocus: setActiveStyle,
        onBlur: this.handleBlur,
        disabled: isDisabled,
      };
      if (kind === 'input') return createElement('input', { ...common, type: 'text', ref: this.setRef });
      return createElement(TextareaAutosize, { ...common, minRows: 5, style: { fontFamily: 'inherit' }, ref: this.setRef });
    }
  };
}

export const ImeSafeStringControl = imeSafeControl('input');
export const ImeSafeTextControl = imeSafeControl('textarea');
