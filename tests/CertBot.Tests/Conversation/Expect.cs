using CertBot.Tests.Support;

namespace CertBot.Tests.Conversation;

/// <summary>An expected reply, checked against what the bot sent.</summary>
public sealed record Expect(string Description, Action<Replies, string> Check)
{
    public static Expect Recommends(string role, decimal mlYears, string cloud) =>
        new($"recommendation {role}/{mlYears}/{cloud}", (replies, _) => ProfileTranscriptTests.AssertRecommendation(replies, role, mlYears, cloud));

    public static Expect Asks(string slot) =>
        new($"asks {slot}", (replies, context) => Assert.True(ProfileTranscriptTests.AsksFor(replies, slot), $"{context}: expected the {slot} question; got: {replies}"));

    public static Expect Answers(string faqId) =>
        new($"answers {faqId}", (replies, context) =>
        {
            var answered = replies.ButtonsWithAction("faq-feedback").Select(d => (string?)d["faqId"]).Distinct().ToList();
            Assert.True(answered.SequenceEqual([faqId]), $"{context}: expected the {faqId} answer; got [{string.Join(", ", answered)}]: {replies}");
            Assert.Empty(replies.ButtonsWithAction("share-recommendation"));
        });

    public static Expect NotHeld(string detail) =>
        new($"not held {detail}", (replies, context) =>
        {
            Assert.True(HasElement(replies, $"not-held-{detail}"), $"{context}: expected the not-held reply for {detail}; got: {replies}");
            Assert.Empty(replies.ButtonsWithAction("faq-feedback"));
        });

    public static Expect Help() =>
        new("help", (replies, context) => Assert.True(HasElement(replies, "help"), $"{context}: expected the help card; got: {replies}"));

    public static Expect NextStep() =>
        new("next step", (replies, context) => Assert.True(HasElement(replies, "next-step"), $"{context}: expected the next-step card; got: {replies}"));

    public static Expect SmallTalk() =>
        new("small talk", (replies, context) =>
        {
            Assert.False(HasElement(replies, "out-of-scope") || HasElement(replies, "did-you-mean"), $"{context}: small talk got an I-don't-know: {replies}");
            Assert.NotEmpty(replies.Messages);
        });

    public override string ToString() => Description;

    private static bool HasElement(Replies replies, string id) =>
        replies.Cards.Any(card => card["body"]?.AsArray().Any(element => (string?)element?["id"] == id) == true);
}
