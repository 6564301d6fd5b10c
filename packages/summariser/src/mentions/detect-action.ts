import type { EventAction } from "@briefing/core";
import type { Token } from "./analyse-text.js";
import { clauseWords } from "./clause-words.js";

/**
 * What news reports happen, by family, each word (a lemma, `word/POS` when only one part of
 * speech is meant) with the noun a headline names it by. Families follow the event types of
 * the ACE 2005 guidelines as news uses them (conflict, contact, personnel, justice, life, ...),
 * with disasters, protests and elections, which stories of every beat are made of.
 */
const ACTIONS: Record<string, string> = {
  offensive:
    "offensive attack:attack assault fight:fighting fighting clash:clashes battle bomb:bombing bombing airstrike:airstrikes shell:shelling shelling counterattack raid invade:invasion invasion siege ambush shoot:shooting shooting stab:stabbing stabbing seize:seizure overrun:fall occupy:occupation occupation surrender conquer:conquest",
  deaths:
    "kill:deaths killing:killings die:deaths death:deaths dead/ADJ:deaths murder massacre execute:executions execution:executions casualty:casualties wound:injuries injure:injuries injury:injuries",
  talks:
    "talk:talks talks negotiate:negotiations negotiation:negotiations meet:meeting meeting summit dialogue mediate:mediation mediation discuss:talks discussion:talks visit propose:proposal proposal offer/NOUN:offer demand/NOUN:demands initiative invite:invitation invitation",
  agreement:
    "agree:agreement agreement deal/NOUN:deal ceasefire truce accord treaty sign/VERB:signing pact settlement",
  decision:
    "approve:approval approval ban moratorium veto sanction:sanctions fine/NOUN:fine ruling rule/VERB:ruling",
  withdrawal: "withdraw:withdrawal withdrawal retreat pullout evacuate:evacuation evacuation",
  appointment:
    "appoint:appointment appointment nominate:nomination nomination name/VERB:appointment resign:resignation resignation quit:resignation oust:ouster ouster dismiss:dismissal dismissal sack:dismissal",
  election: "election elect:election vote referendum ballot:vote",
  disaster:
    "explosion explode:explosion blast fire/NOUN:fire blaze:fire spill leak/NOUN:leak crash earthquake quake:earthquake flood:floods flooding:floods eruption erupt:eruption derailment derail:derailment outbreak hurricane tsunami wildfire storm/NOUN:storm",
  protest:
    "protest:protests protester:protests demonstration:protests demonstrator:protests demonstrate:protests rally riot:riots rioting:riots uprising unrest revolt",
  arrest:
    "arrest detain:detention detention apprehend:arrest extradite:extradition extradition manhunt escape",
  charges:
    "charge/VERB:charges indict:indictment indictment accuse:accusations sue:lawsuit lawsuit investigate:investigation investigation probe inquiry allege:allegations allegation:allegations",
  trial:
    "trial testify:testimony testimony plead:plea plea convict:conviction conviction acquit:acquittal acquittal sentence/VERB:sentence verdict jail:jail imprison:jail hearing",
  business:
    "acquire:acquisition acquisition merge:merger merger takeover buyout bankruptcy layoff:layoffs recall/NOUN:recall unveil:unveiling unveiling",
};

/**
 * Verbs whose object often tells the action ("unveiled sanctions"): one is the sentence's action
 * only when its main clause names no other ("Apple unveiled its new laptop").
 */
const LIGHT = new Set(["unveil"]);

interface ActionWord extends EventAction {
  /** The part of speech the word must have, if only one. */
  pos?: string;
}

/** Each word's action, from the table. */
const WORDS = new Map<string, ActionWord>();
for (const [family, list] of Object.entries(ACTIONS))
  for (const entry of list.split(" ")) {
    const [word, label] = entry.split(":") as [string, string | undefined];
    const [lemma, pos] = word.split("/") as [string, string | undefined];
    if (!WORDS.has(lemma))
      WORDS.set(lemma, { family, label: label ?? lemma, ...(pos ? { pos } : {}) });
  }

/**
 * What a sentence reports happened, as the noun a headline would name it by ("explosion",
 * "arrest", "talks") and its family: the first such word of its main clause, as news puts what
 * happened up front; a word in a relative clause, or a verb such as "unveiled" whose object may
 * tell the action, only when the main clause has no other. Deaths give way to their cause when
 * the sentence names one ("killed in fighting" is fighting). Statements ("said") name no action.
 */
export function detectAction(tokens: readonly Token[]): EventAction | undefined {
  let found: EventAction | undefined;
  let light: EventAction | undefined;
  let fallback: EventAction | undefined;
  // The objects of a verb they unmade ("meet customer demand" is no demand either).
  let objectsUntil = -1;
  for (const { token, inRelative, previous, index } of clauseWords(tokens)) {
    if (index <= objectsUntil) continue;
    const word = wordOf(token);
    if (!word || (word.pos && word.pos !== token.pos)) continue;
    if (token.pos === "VERB" && OBJECT_UNMAKES[token.lemma]?.(tokens.slice(index + 1, index + 4))) {
      objectsUntil = index + 3;
      continue;
    }
    const compound = COMPOUNDS[token.lemma]?.[previous?.lemma ?? ""];
    if (compound === null) continue;
    const action = compound ?? { family: word.family, label: word.label };
    // Deaths (the only action kept looking past) are news of what caused them, when the
    // sentence names it: "killed in airstrikes".
    if (found) {
      if (CAUSES.has(action.family)) return action;
      continue;
    }
    if (inRelative) fallback ??= action;
    else if (action.family === DEATHS) found = action;
    else if (LIGHT.has(token.lemma) && token.pos === "VERB") light ??= action;
    else return action;
  }
  return found ?? light ?? fallback;
}

/**
 * Words that mean another thing after a given word: "opened fire" is a shooting, not a fire; a
 * heart attack, a panic attack or an asthma attack is no attack, a sexual assault is a crime
 * rather than an armed assault, and a legal, political or bidding battle (or fight) is fought
 * with words and money, not arms (`null`: no action).
 */
const NOT_ARMED = Object.fromEntries(
  "legal court courtroom political bidding takeover proxy custody budget boardroom uphill"
    .split(" ")
    .map((word) => [word, null]),
);
const COMPOUNDS: Record<string, Record<string, EventAction | null>> = {
  fire: { open: { family: "offensive", label: "shooting" } },
  attack: { heart: null, panic: null, asthma: null },
  assault: { sexual: null, indecent: null },
  battle: NOT_ARMED,
  fight: NOT_ARMED,
};

/**
 * Verbs that name no action with some objects, told by the (up to three) tokens after the verb:
 * one meets a person, not a demand, a target or a deadline; one demonstrates against something,
 * while to demonstrate a plane or a problem is to show it.
 */
const OBJECT_UNMAKES: Record<string, (after: readonly Token[]) => boolean> = {
  meet: (after) =>
    after.some(
      (t) =>
        t.pos === "NOUN" &&
        /^(demand|target|deadline|requirement|expectation|criterion|criteria|need|standard|goal|obligation|cost|condition|challenge|commitment|quota)s?$/.test(
          t.lemma.toLowerCase(),
        ),
    ),
  // "According to the court" reports a source, not an accord.
  accord: (after) => after[0]?.normal === "to",
  demonstrate: (after) => {
    const next = after.find((t) => t.pos !== "ADV");
    return next !== undefined && !["ADP", "PUNCT", "CCONJ"].includes(next.pos);
  },
};

/** The table's entry for a token: its lemma, its form, or a plural the model did not know. */
function wordOf(token: Token): ActionWord | undefined {
  const { lemma, normal } = token;
  return (
    WORDS.get(lemma) ??
    WORDS.get(normal) ??
    (normal.endsWith("s") && token.pos === "NOUN" ? WORDS.get(normal.slice(0, -1)) : undefined)
  );
}

/** The family of deaths, of disasters, and the families of what causes deaths. */
export const DEATHS = "deaths";
export const DISASTER = "disaster";
export const CAUSES: ReadonlySet<string> = new Set(["offensive", DISASTER]);
