// The ProdId of each dyvms product line: QueryCallDetailByCallId finds a call's record only under the
// product line that placed it. The placing operations declare theirs (tracking.prodIds) and cite them.

export const PROD_ID = {
  /** Voice notifications (TTS template or voice file). */
  notification: '11000000300006',
  /** Voice verification codes. */
  verification: '11010000138001',
  /** Interactive voice (IvrCall). */
  ivr: '11000000300005',
  /** Intelligent voice (SmartCall) and robot calls. */
  robot: '11030000180001',
} as const;
