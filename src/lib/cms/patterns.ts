/**
 * Regular-expression sources for Decap's `pattern` option. Decap tests a field with
 * `RegExp(source).test(value)`: no flags, one pattern per field, on the untrimmed value.
 * These helpers turn zod's checks (regexes with flags, trimmed lengths) into one such source.
 */

/** Letters get both cases: `pdf` → `[pP][dD][fF]`, `[a-z]` → `[a-zA-Z]`. Only the `i` flag is emulated. */
export function caseInsensitiveSource(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      // Keep an escape and the character it escapes (\d, \/, \u0041 …) as written.
      const next = source[i + 1] ?? '';
      if (next === 'u' || next === 'x') throw new Error(`caseInsensitiveSource: ${next}-escapes are not supported in /${source}/i`);
      out += c + next;
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') {
        inClass = false;
        out += c;
      } else if (/[a-zA-Z]/.test(c) && source[i + 1] === '-' && /[a-zA-Z]/.test(source[i + 2] ?? '')) {
        const from = c;
        const to = source[i + 2];
        out += `${from}-${to}${swapCase(from)}-${swapCase(to)}`;
        i += 2;
      } else if (/[a-zA-Z]/.test(c)) {
        out += c + swapCase(c);
      } else {
        out += c;
      }
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (source[i + 1] === '^') {
        out += '^';
        i++;
      }
    } else if (c === '(' && source[i + 1] === '?') {
      // Group syntax: (?: (?= (?! (?<= (?<! — copied as is; named groups (?<name> keep their name.
      const named = /^\(\?<([A-Za-z_$][\w$]*)>/.exec(source.slice(i));
      const head = named ? named[0] : source.slice(i, i + (source[i + 2] === '<' ? 4 : 3));
      out += head;
      i += head.length - 1;
    } else if (c === '{') {
      // A quantifier {n,m}: copy up to the closing brace.
      const end = source.indexOf('}', i);
      out += source.slice(i, end + 1);
      i = end;
    } else if (/[a-zA-Z]/.test(c)) {
      out += `[${c}${swapCase(c)}]`;
    } else {
      out += c;
    }
  }
  return out;
}

function swapCase(c: string): string {
  return c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
}

/** A regex's source usable without its flags; throws for flags Decap cannot emulate. */
export function flaglessSource(re: RegExp): string {
  const flags = re.flags.replace(/[gyd]/g, '');
  if (flags === '') return re.source;
  if (flags === 'i') return caseInsensitiveSource(re.source);
  throw new Error(`정규식 /${re.source}/${re.flags} 의 플래그(${flags})는 Decap pattern으로 옮길 수 없습니다`);
}

/**
 * Length limits on the trimmed value, as zod's `.trim().min(m).max(n)` counts them
 * (UTF-16 code units, like `String.length`; every Hangul syllable is one).
 */
export function trimmedLengthSource(min: number | undefined, max: number | undefined): string | undefined {
  const parts: string[] = [];
  if (min !== undefined && min > 0) {
    // At least `min` characters between the first and the last non-space.
    parts.push(min === 1 ? '(?=[\\s\\S]*\\S)' : `(?=\\s*\\S[\\s\\S]{${min - 2},}\\S)`);
  }
  if (max !== undefined) {
    // Leading spaces, then nothing, one non-space, or non-space … non-space spanning at most `max`.
    const core = max === 0 ? '' : max === 1 ? '\\S?' : `(?:\\S(?:[\\s\\S]{0,${max - 2}}\\S)?)?`;
    parts.push(`(?=\\s*${core}\\s*$)`);
  }
  return parts.length ? `^${parts.join('')}` : undefined;
}

/** One source that matches when every source matches (lookaheads over the whole value). */
export function allOf(sources: string[]): string | undefined {
  if (sources.length === 0) return undefined;
  if (sources.length === 1) return sources[0];
  return sources.map((s) => `(?=[\\s\\S]*?(?:${s}))`).join('').replace(/^/, '^');
}
