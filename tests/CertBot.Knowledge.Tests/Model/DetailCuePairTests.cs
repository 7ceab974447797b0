using CertBot.Knowledge.Model;
using CertBot.Text;

namespace CertBot.Knowledge.Tests.Model;

public sealed class DetailCuePairTests
{
    private static readonly DetailCuePair Vendors = new(["databricks", "snow flake"], ["exam", "certification"]);

    [Theory]
    [InlineData("the Databricks ML professional exam", true)]
    [InlineData("an exam from Snow Flake", true)]
    [InlineData("we use Databricks at work and I wonder what the Google exam covers", false)]
    [InlineData("databricks", false)]
    [InlineData("snow exam flake", false)]
    public void IsIn_Question_NeedsAPhraseOfEachListWithinTheGap(string question, bool expected) =>
        Assert.Equal(expected, Vendors.IsIn(WordTokenizer.Words(question)));

    [Fact]
    public void IsIn_WiderGapSet_AcceptsWordsFurtherApart()
    {
        var words = WordTokenizer.Words("databricks one two three four exam");

        Assert.False(Vendors.IsIn(words));
        Assert.True((Vendors with { MaxGap = 4 }).IsIn(words));
    }

    [Fact]
    public void IsIn_ListsReplacedWithWith_UsesTheNewPhrases()
    {
        // The phrases' words are cut when a list is set, so a copy with other lists must not keep the old words.
        var other = Vendors with { Any = ["snowflake"], With = ["badge"] };

        Assert.True(other.IsIn(WordTokenizer.Words("a snowflake badge")));
        Assert.False(other.IsIn(WordTokenizer.Words("the databricks exam")));
    }
}
