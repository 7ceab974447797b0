using CertBot.Text;

namespace CertBot.Knowledge.Loading;

/// <summary>
/// The files of one knowledge: the facts file (<c>knowledge.yaml</c>) and, beside it, one text file per language
/// named after it (<c>knowledge.en.yaml</c>, <c>knowledge.fr.yaml</c>). English text is complete; any other language
/// sets what it translates and falls back to English (<see cref="CatalogueLocale"/>: fr-CA, fr, en). Without an English
/// text file the facts file holds its own English text, in one piece, as a knowledge written for one language may.
/// </summary>
public sealed class KnowledgeFiles
{
    private readonly Dictionary<string, string> _text;

    private KnowledgeFiles(string factsPath, Dictionary<string, string> text)
    {
        FactsPath = factsPath;
        _text = text;
        Locales = new HashSet<string>(text.Keys.Append(CatalogueLocale.Default), StringComparer.Ordinal);
    }

    /// <summary>The facts file.</summary>
    public string FactsPath { get; }

    /// <summary>The English text file, or null when the facts file holds its English text itself.</summary>
    public string? EnglishTextPath => _text.GetValueOrDefault(CatalogueLocale.Default);

    /// <summary>True when the facts and the English text are separate files.</summary>
    public bool IsSplit => EnglishTextPath is not null;

    /// <summary>Every locale with text, as lower-case tags; English always.</summary>
    public IReadOnlySet<string> Locales { get; }

    /// <summary>The file names the store watches: the facts file and every text file named after it.</summary>
    public string WatchFilter => Path.GetFileNameWithoutExtension(FactsPath) + "*" + Path.GetExtension(FactsPath);

    /// <summary>Finds the text files beside <paramref name="factsPath"/>.</summary>
    public static KnowledgeFiles Find(string factsPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(factsPath);
        var folder = Path.GetDirectoryName(Path.GetFullPath(factsPath))!;
        var stem = Path.GetFileNameWithoutExtension(factsPath);
        return new KnowledgeFiles(factsPath, CatalogueFiles.Discover(folder, stem));
    }

    /// <summary>The text files laid over the facts for <paramref name="locale"/>, English first and the most specific last.</summary>
    public IReadOnlyList<string> TextLayersOf(string locale) =>
        [.. CatalogueLocale.Layers(locale, Locales).Where(_text.ContainsKey).Select(layer => _text[layer])];
}
