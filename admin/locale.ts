/**
 * Korean UI phrases: Decap's own `ko` locale with the review workflow named the way
 * 상생누리's registration guide (001) names it, and validation messages phrased like the
 * build's (`라벨: 규칙`).
 *
 * Decap state        → 상생누리
 * draft              → 작성 중 (also where an entry sent back for changes, 수정요청, lands)
 * pending_review     → 확인요청
 * pending_publish    → 게시 승인
 * published          → 게시
 */
type Phrases = { [key: string]: string | Phrases };

const OVERRIDES: Phrases = {
  app: { header: { workflow: '확인요청 관리', content: '콘텐츠', media: '첨부파일' } },
  editor: {
    editorControlPane: {
      widget: {
        required: '%{fieldLabel}: 필수 항목입니다',
        regexPattern: '%{fieldLabel}: %{pattern}',
      },
    },
    editor: {
      onPublishingNotReady: '게시하려면 먼저 상태를 "게시 승인"으로 바꾸세요.',
      onPublishing: '이 항목을 게시하시겠습니까? 게시하면 다음 빌드부터 사이트에 보입니다.',
      onUpdatingWithUnsavedChanges: '저장하지 않은 변경사항이 있습니다. 상태를 바꾸기 전에 먼저 저장하세요.',
    },
    editorToolbar: {
      draft: '작성 중',
      inReview: '확인요청',
      ready: '게시 승인',
      publish: '게시',
      publishNow: '지금 게시',
      published: '게시됨',
      status: '상태: %{status}',
    },
  },
  workflow: {
    workflow: {
      workflowHeading: '확인요청 관리',
      loading: '확인요청 항목을 불러오는 중',
      newPost: '새 항목',
      description: '확인요청 %{smart_count}건, 게시 승인 %{readyCount}건. |||| 확인요청 %{smart_count}건, 게시 승인 %{readyCount}건.',
    },
    workflowList: {
      draftHeader: '작성 중 · 수정요청',
      inReviewHeader: '확인요청',
      readyHeader: '게시 승인',
      onPublishingNotReadyEntry: '"게시 승인" 상태의 항목만 게시할 수 있습니다. 카드를 "게시 승인" 열로 옮기세요.',
      onPublishEntry: '이 항목을 게시하시겠습니까?',
    },
  },
  ui: {
    toast: {
      missingRequiredField: '필수 항목이 비어 있습니다. 빨간 표시가 있는 항목을 채운 뒤 저장하세요.',
      onFailToPersist: '저장하지 못했습니다. %{details}',
      entrySaved: '저장했습니다',
      entryPublished: '게시했습니다',
      entryUpdated: '상태를 바꿨습니다',
      onFailToUnpublishEntry: '게시 철회 실패: %{details}',
      onLoggedOut: '로그아웃되었습니다. 작성 중인 내용을 복사해 두고 다시 로그인하세요.',
    },
  },
};

function merge(base: Phrases, over: Phrases): Phrases {
  const out: Phrases = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = typeof value === 'object' && typeof current === 'object' ? merge(current, value) : value;
  }
  return out;
}

/** Decap's Korean phrases with the overrides above. */
export function koreanPhrases(ko: Phrases): Phrases {
  return merge(ko, OVERRIDES);
}
