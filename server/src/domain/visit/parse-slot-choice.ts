/**
 * Reads a citizen's reply choosing one of the offered slots: "1", "chọn 2", "chon 2 nhé", "slot 3", "số 1 ạ",
 * "khung giờ 2", "#2", "lựa chọn 1", "ok 2". Only a short message that is the choice and nothing else counts (an
 * address like "số 12 Lê Lợi" is not a choice), and only a number that was offered. Returns the slot number or null.
 */
export function parseSlotChoice(text: string, slotCount: number): number | null {
  const folded = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[.,!?:;()"'’…-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const match = /^(?:(?:toi |em |minh )?(?:xin )?(?:chon|lua chon|slot|khung(?: gio)?|so|option|choose|pick|ok|dong y|lich|phuong an)(?: so)? ?)?#? ?(\d{1,2})(?: (?:a|nhe|nha|nhen|a nhe|cam on|thanks|thank you))?$/.exec(folded);
  if (!match?.[1]) return null;
  const n = Number(match[1]);
  return n >= 1 && n <= slotCount ? n : null;
}
