namespace CertBot.Dialogs.Definition;

/// <summary>Fixed wording of the dialog; placeholders in braces are filled by the runtime.</summary>
/// <param name="Acknowledge">"Got it: {values}." shown when answers are recognised.</param>
/// <param name="Edited">"Updated: {values}." shown after a change command.</param>
/// <param name="ValueSeparator">Joins the recognised values in <paramref name="Acknowledge"/> and <paramref name="Edited"/> (", ").</param>
/// <param name="Resume">"Back to your profile: {prompt}" used by <c>ProfileDialog.Resume</c>.</param>
public sealed record DialogMessages(
    string Intro,
    string Acknowledge,
    string Edited,
    string Help,
    string Cancelled,
    string Restarted,
    string ValueSeparator,
    string Resume);
