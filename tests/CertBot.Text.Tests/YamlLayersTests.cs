using YamlDotNet.RepresentationModel;

namespace CertBot.Text.Tests;

public sealed class YamlLayersTests
{
    [Fact]
    public void Merge_Mappings_UpperKeysWinOthersFallThrough()
    {
        var merged = Merge("a: 1\nb:\n  c: 2\n  d: 3\n", "b:\n  c: 20\ne: 5\n");

        Assert.Equal("a: 1\nb:\n  c: 20\n  d: 3\ne: 5\n", Text(merged));
    }

    [Fact]
    public void Merge_ListsOfNamedItems_MergeItemByItem()
    {
        var merged = Merge(
            "slots:\n- name: role\n  prompt: Which?\n  choices:\n  - value: ds\n    title: Data scientist\n    synonyms: [ds]\n- name: years\n  prompt: How long?\n",
            "slots:\n- name: role\n  choices:\n  - value: ds\n    title: Datenwissenschaftler\n");

        Assert.Equal(
            "slots:\n- name: role\n  prompt: Which?\n  choices:\n  - value: ds\n    title: Datenwissenschaftler\n    synonyms: [ds]\n- name: years\n  prompt: How long?\n",
            Text(merged));
    }

    [Fact]
    public void Merge_PlainLists_AreReplacedWhole() =>
        Assert.Equal("words: [b]\n", Text(Merge("words: [a, c]\n", "words: [b]\n")));

    [Fact]
    public void Merge_Inputs_AreLeftUnchanged()
    {
        var lower = Parse("a: 1\n");
        YamlLayers.Merge(lower, Parse("a: 2\n"));

        Assert.Equal("a: 1\n", Text(lower));
    }

    [Fact]
    public void MergeInto_ItemsNamedByAnotherKey_MergeItemByItemInPlace()
    {
        var lower = Parse("paths:\n- persona: se\n  summary: Build\n  steps:\n  - id: a\n    kind: course\n- persona: ds\n  summary: Ship\n");

        YamlLayers.MergeInto(lower, Parse("paths:\n- persona: ds\n  summary: Livrer\n- persona: se\n  steps:\n  - id: a\n    text: Apprendre\n"), ["id", "persona"]);

        Assert.Equal(
            "paths:\n- persona: se\n  summary: Build\n  steps:\n  - id: a\n    kind: course\n    text: Apprendre\n- persona: ds\n  summary: Livrer\n",
            Text(lower));
    }

    [Fact]
    public void MergeInto_NodesLeftOrReplaced_KeepTheirOwnFilesPositions()
    {
        var lower = Parse("faqs:\n- id: a\n  lastVerified: 2026-01-01\n  answer: old\n");
        var upper = Parse("# French\nfaqs:\n- id: a\n  answer: nouveau\n");
        var item = (YamlMappingNode)((YamlSequenceNode)lower.Children[new YamlScalarNode("faqs")]).Children[0];

        YamlLayers.MergeInto(lower, upper, ["id"]);

        var merged = (YamlMappingNode)((YamlSequenceNode)lower.Children[new YamlScalarNode("faqs")]).Children[0];
        Assert.Same(item, merged);
        Assert.Equal(3, merged.Children[new YamlScalarNode("lastVerified")].Start.Line);
        var answer = merged.Children[new YamlScalarNode("answer")];
        Assert.Equal("nouveau", ((YamlScalarNode)answer).Value);
        Assert.Equal(4, answer.Start.Line);
    }

    private static YamlNode Merge(string lower, string upper) => YamlLayers.Merge(Parse(lower), Parse(upper));

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Text(YamlNode node) => YamlLayers.ToText(node).Replace("...\n", "", StringComparison.Ordinal).Replace("\r\n", "\n", StringComparison.Ordinal);
}
