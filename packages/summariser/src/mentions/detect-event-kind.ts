import type { EventKind } from "@briefing/core";
import type { Token } from "./analyse-text.js";
import { clauseWords } from "./clause-words.js";

/** Trigger lemmas for each kind of event. */
const TRIGGERS: [EventKind, Set<string>][] = [
  [
    "casualty",
    new Set(
      "kill killed die dead death casualty casualties wound wounded injure injured massacre execute executed".split(
        " ",
      ),
    ),
  ],
  [
    "capture",
    new Set(
      "capture seize overrun overran storm stormed conquer takeover occupy occupied fall fell surrender".split(
        " ",
      ),
    ),
  ],
  [
    "offensive",
    new Set(
      "offensive attack assault fight fighting clash clashes battle bomb bombing airstrike airstrikes strike shell shelling counterattack raid invade invasion siege ambush".split(
        " ",
      ),
    ),
  ],
  [
    "agreement",
    new Set("agree agreement deal ceasefire truce accord treaty sign pact settlement".split(" ")),
  ],
  [
    "talks",
    new Set(
      "talk talks negotiate negotiation negotiations meet meeting dialogue discuss discussion consultation consultations summit mediate mediation".split(
        " ",
      ),
    ),
  ],
  [
    "proposal",
    new Set("propose proposal offer suggest call urge invite demand plan initiative".split(" ")),
  ],
  [
    "withdrawal",
    new Set(
      "withdraw withdrawal retreat pullout pull evacuate evacuation departure depart leave flee exit".split(
        " ",
      ),
    ),
  ],
  [
    "appointment",
    new Set("appoint appointment name nominate elect swear resign resignation replace".split(" ")),
  ],
  [
    "statement",
    new Set(
      "say tell announce declare state confirm deny claim report write add warn insist reiterate".split(
        " ",
      ),
    ),
  ],
];

// Words that look like triggers but, as these parts of speech, are not events.
const NOT_EVENTS: Record<string, string> = {
  name: "NOUN",
  fall: "NOUN",
  state: "NOUN",
  call: "NOUN",
};

/**
 * The kind of event a sentence reports: the trigger (a verb, noun or adjective lemma) that comes
 * first in its main clause, since news puts what happened up front ("The first direct talks
 * between the Front and the movement, which has seized power, were held on Wednesday" is about
 * talks). Words inside a relative clause count only when the main clause has none; statements
 * ("said") count only when nothing else does; `other` when there is no trigger.
 */
export function detectEventKind(tokens: readonly Token[]): { kind: EventKind; trigger?: string } {
  let fallback: { kind: EventKind; trigger: string } | undefined;
  let statement: { kind: EventKind; trigger: string } | undefined;
  for (const { token: t, inRelative } of clauseWords(tokens)) {
    const kind = kindOf(t);
    if (!kind) continue;
    if (kind === "statement") {
      statement ??= { kind, trigger: t.value };
      continue;
    }
    if (!inRelative) return { kind, trigger: t.value };
    fallback ??= { kind, trigger: t.value };
  }
  return fallback ?? statement ?? { kind: "other" };
}

/** Each trigger word's place in {@link TRIGGERS}: the first kind that lists it. */
const TRIGGER_RANK = new Map<string, number>();
TRIGGERS.forEach(([, words], rank) => {
  for (const word of words) if (!TRIGGER_RANK.has(word)) TRIGGER_RANK.set(word, rank);
});

/** The first kind in {@link TRIGGERS} that lists the token's lemma or its normal form. */
function kindOf(t: Token): EventKind | undefined {
  if (NOT_EVENTS[t.lemma] === t.pos) return undefined;
  const rank = Math.min(
    TRIGGER_RANK.get(t.lemma) ?? TRIGGERS.length,
    TRIGGER_RANK.get(t.normal) ?? TRIGGERS.length,
  );
  return TRIGGERS[rank]?.[0];
}
