using System.Collections.Frozen;
using CertBot.Text;

namespace CertBot.Knowledge.Hosting;

/// <summary>
/// One hot-reload generation of the knowledge: a <see cref="KnowledgeSnapshot"/> per locale that has text (English
/// always), all read from the same files at the same time and swapped as a whole. A turn picks the one its locale
/// resolves to (fr-CA, fr, en: <see cref="CatalogueLocale"/>) and keeps it for the whole turn.
/// </summary>
public sealed class KnowledgeGeneration
{
    private readonly FrozenDictionary<string, KnowledgeSnapshot> _byLocale;

    /// <summary>Wraps the snapshots of one generation, keyed by lower-case locale tag; English is required.</summary>
    public KnowledgeGeneration(IReadOnlyDictionary<string, KnowledgeSnapshot> byLocale)
    {
        ArgumentNullException.ThrowIfNull(byLocale);
        _byLocale = byLocale.ToFrozenDictionary(StringComparer.Ordinal);
        English = _byLocale.TryGetValue(CatalogueLocale.Default, out var english)
            ? english
            : throw new ArgumentException("A knowledge generation needs its English snapshot; every other language falls back to it.", nameof(byLocale));
        Locales = _byLocale.Keys.ToFrozenSet(StringComparer.Ordinal);
        // English first: its index is built first, and it serves every locale without text of its own.
        Snapshots = [English, .. _byLocale.Where(pair => pair.Key != CatalogueLocale.Default).OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Value)];
    }

    /// <summary>The English snapshot: what anything without a turn uses, and the fallback of every other locale.</summary>
    public KnowledgeSnapshot English { get; }

    /// <summary>The locales with a snapshot.</summary>
    public IReadOnlySet<string> Locales { get; }

    /// <summary>Every snapshot, English first.</summary>
    public IReadOnlyList<KnowledgeSnapshot> Snapshots { get; }

    /// <summary>The snapshot for a locale tag from the wire; an unknown or malformed tag gets English.</summary>
    public KnowledgeSnapshot For(string? locale)
    {
        // Most deployments hold English only: no tag to resolve.
        if (_byLocale.Count == 1 || string.IsNullOrEmpty(locale))
        {
            return English;
        }

        return _byLocale[CatalogueLocale.Resolve(locale, Locales)];
    }

    /// <summary>This generation with <paramref name="snapshot"/> in place of the one of its locale (its semantic index built).</summary>
    public KnowledgeGeneration With(KnowledgeSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new KnowledgeGeneration(new Dictionary<string, KnowledgeSnapshot>(_byLocale, StringComparer.Ordinal) { [snapshot.Locale] = snapshot });
    }
}
