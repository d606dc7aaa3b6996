/** The terms the open-data files and feeds are published under (shown on /data/ and in every JSON file). */
export const DATA_LICENSE = {
  name: '공공누리 제1유형 (출처표시)',
  summary: '출처(상생누리)를 밝히면 상업적 이용과 변경을 포함해 자유롭게 이용할 수 있습니다.',
  url: 'https://www.kogl.or.kr/info/licenseType1.do',
} as const;
