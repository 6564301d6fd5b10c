import { describe, expect, it } from "vitest";
import { analyseText } from "./analyse-text.js";
import { detectAction } from "./detect-action.js";

const read = (text: string) => detectAction(analyseText(text)[0]?.tokens ?? []);

describe("detectAction", () => {
  it.each([
    ["An explosion tore through the drilling rig on Tuesday night.", "disaster", "explosion"],
    ["Police arrested the suspect at a motel on Friday.", "arrest", "arrest"],
    ["Thousands of protesters marched through the capital.", "protest", "protests"],
    ["The senator resigned after the report was published.", "appointment", "resignation"],
    ["A jury convicted him of murder in March.", "trial", "conviction"],
    ["Voters went to the polls in a referendum on Sunday.", "election", "referendum"],
    ["Delegations from both sides held talks in Tehran.", "talks", "talks"],
    ["The company agreed to pay $20 billion into a fund.", "agreement", "agreement"],
    ["Taliban fighters attacked checkpoints in Panjshir on Sunday.", "offensive", "attack"],
    ["Apple unveiled its new MacBook Pro on Monday.", "business", "unveiling"],
    // What is unveiled may be the action itself.
    ["The government unveiled sanctions against the firm.", "decision", "sanctions"],
  ])("reads %j as %s (%s)", (text, family, label) => {
    expect(read(text)).toEqual({ family, label });
  });

  it("names no action for a statement or a sentence that tells none", () => {
    expect(read("The spokesman said the front was ready.")).toBeUndefined();
    expect(read("The weather was mild across the valley.")).toBeUndefined();
  });

  it("tells deaths by their cause when the sentence names it", () => {
    expect(read("Ten soldiers were killed in airstrikes in the valley.")).toEqual({
      family: "offensive",
      label: "airstrikes",
    });
    expect(read("Eleven workers died in the explosion on the rig.")).toEqual({
      family: "disaster",
      label: "explosion",
    });
    expect(read("Two people were killed on the road near the town.")).toEqual({
      family: "deaths",
      label: "deaths",
    });
  });

  it("takes the main clause's action before a relative clause's", () => {
    expect(read("The suspect, who had escaped from custody, was arrested on Monday.")).toEqual({
      family: "arrest",
      label: "arrest",
    });
  });

  it("takes no action from a 'since' phrase: it names the earlier event a period counts from", () => {
    expect(
      read(
        "The Dow Jones plunged by 416 points on Tuesday, the worst decline since the September 11th terrorist attacks.",
      ),
    ).toBeUndefined();
    // The phrase ends at its comma; the main clause goes on.
    expect(
      read("Since the election in March, the rebels have attacked three towns in the north."),
    ).toEqual({ family: "offensive", label: "attack" });
  });

  it("reads no action in a verb its object makes another word", () => {
    expect(read("Boeing must build ten jets a month to meet customer demand.")).toBeUndefined();
    expect(read("Airbus will continue demonstrating the plane across Asia.")).toBeUndefined();
    expect(read("Obama met Hayward at the White House on Wednesday.")).toEqual({
      family: "talks",
      label: "meeting",
    });
    expect(read("Thousands demonstrated against the government in Cairo.")).toEqual({
      family: "protest",
      label: "protests",
    });
  });

  it("reads a word as an action only in its part of speech", () => {
    // "deal with" is no deal; "opened fire" is shooting, not a fire.
    expect(read("Officials must deal with the backlog of claims this week.")).toBeUndefined();
    expect(read("Gunmen opened fire on the convoy near the border.")).toEqual({
      family: "offensive",
      label: "shooting",
    });
    // A heart attack is no attack: the death is told as a death.
    expect(read("The singer died of a heart attack at his home on Sunday.")).toEqual({
      family: "deaths",
      label: "deaths",
    });
  });

  it("reads a legal or political battle as no fighting, and the action it is fought with", () => {
    expect(
      read("The administration launched a legal battle against BP by suing it for the spill."),
    ).toEqual({ family: "charges", label: "lawsuit" });
    expect(read("The company faces an uphill fight to win back its customers.")).toBeUndefined();
    // A sexual assault is a crime, not an armed assault.
    expect(
      read("A jury found him guilty on both sexual assault charges on Thursday."),
    ).toBeUndefined();
    expect(read("According to the police, rebels attacked the convoy near the border.")).toEqual({
      family: "offensive",
      label: "attack",
    });
    expect(read("Rebels fought a fierce battle for the airport on Sunday.")).toEqual({
      family: "offensive",
      label: "fighting",
    });
  });
});
