using CertBot.Knowledge.Faq;

namespace CertBot.Knowledge.Tests.Faq;

public sealed class FaqQuestionFocusTests
{
    [Theory]
    [InlineData("do I need a cert to get hired?", null)]
    [InlineData("how much is the exam", null)]
    [InlineData("So I've been a backend dev for years. My company is doing AI now. Do I need a cert to get hired?", "Do I need a cert to get hired?")]
    [InlineData("I work in a bank. I like data. I was wondering which course to take first", "I was wondering which course to take first")]
    [InlineData("Long story. Is the AWS exam hard? And how long is it?", "Is the AWS exam hard? And how long is it?")]
    [InlineData("Context first.\nWhich vendor should I start with ??", "Which vendor should I start with ?")]
    [InlineData("I have a question. Cost?", null)]
    [InlineData("Version 2.5 is out. what does it cost", "what does it cost")]
    public void Extract_Message_ReturnsTheAskingSentences(string text, string? expected)
    {
        Assert.Equal(expected, FaqQuestionFocus.Extract(text));
    }

    [Fact]
    public void Extract_QuestionReferringBack_KeepsTheSentenceThatNamesIt()
    {
        const string text = "My colleague recommended a Microsoft cert. I think it was DP-100. What is it exactly?";

        var focus = FaqQuestionFocus.Extract(text, ["it", "that"]);

        Assert.Equal("I think it was DP-100. What is it exactly?", focus);
    }
}
