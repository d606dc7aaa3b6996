/**
 * 사업자등록번호 (Korean business registration number) `000-00-00000` with its check digit.
 * The tenth digit is (10 − (Σ dᵢ·wᵢ + ⌊d₉·5/10⌋) mod 10) mod 10 with weights 1,3,7,1,3,7,1,3,5.
 */
const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5];

/** The shape 000-00-00000. */
export const BUSINESS_NUMBER_PATTERN = /^\d{3}-\d{2}-\d{5}$/;

/** True when the number has the right shape and its check digit matches. */
export function isValidBusinessNumber(text: string): boolean {
  if (!BUSINESS_NUMBER_PATTERN.test(text)) return false;
  const digits = text.replaceAll('-', '').split('').map(Number);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += digits[i] * WEIGHTS[i];
  sum += Math.floor((digits[8] * 5) / 10);
  return (10 - (sum % 10)) % 10 === digits[9];
}
