// Why a difference between the catalog and a vendor SDK is intended; used by known-differences.ts.
export const REASONS = {
  NOT_OFFERED:
    'not offered: an optional SDK parameter outside the seed docs (console-only agent/LLM/NLU settings, TTS engine keys, filters); leaving it out sends nothing the vendor needs',
  PAGE_DEFAULT: 'callbridge sends the page number and size by default (pagination), so the vendor always receives them',
  SEED_OPTIONAL: 'the seed doc marks it optional and accounts call without it; the SDK flag is stricter than the gateway',
  STRICTER_REQUIRED: 'deliberately stricter: the seed doc or the vendor\'s description requires it, and a call without it fails or misbehaves',
  ID_AS_TEXT: 'IDs are kept as text: 64-bit IDs exceed JavaScript\'s safe integers; the same digits are sent',
  NUMBER_CHECKED: 'deliberately stricter: the value is checked as an integer; the same digits are sent as form text',
  RESPONSE_SHARED:
    'shared response shape: the field appears in the seed doc\'s example or another operation\'s model of the same object, though this SDK model omits it; outputs are loose, so nothing is lost',
  SEED_FIELD: 'the seed doc documents this field (the SDK model omits it); sent only when given',
  INVERTED_WORDS: 'deliberately safer: the vendor\'s boolean is inverted (false = submit), so words are taken and the vendor\'s boolean is sent',
} as const;
