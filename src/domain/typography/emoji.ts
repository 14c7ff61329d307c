// Emoji are found per grapheme cluster (UAX #29), so a ZWJ sequence, a flag or a keycap is one emoji.
// Extended_Pictographic and Regional_Indicator come from UTS #51 (emoji-data.txt); U+20E3 is the
// combining keycap of sequences such as 1️⃣, whose base is not pictographic.
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

/** True when a grapheme cluster is (or contains) an emoji: cards draw it as an image, X counts it 2. */
export const isEmojiGrapheme = (grapheme: string): boolean => EMOJI.test(grapheme);
