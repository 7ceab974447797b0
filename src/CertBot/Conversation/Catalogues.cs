using System.Collections.Concurrent;
using CertBot.Conversation.Features;
using CertBot.Dialogs;
using CertBot.Protocol.Schema;

namespace CertBot.Conversation;

/// <summary>
/// The per-locale catalogues in the dialogs folder (<c>messages.{locale}.yaml</c>, <c>profile.dialog.{locale}.yaml</c>),
/// loaded once at start-up, and the one each turn speaks: its <see cref="Activity.Locale"/> through the fallback chain
/// specific, neutral, English ("fr-CA" is fr-ca, then fr, then en). A language is added by adding files; a file sets
/// only what it translates, the rest falls back to English key by key.
/// </summary>
public sealed class Catalogues
{
    public const string MessagesCatalogue = "messages";
    public const string DialogCatalogue = "profile.dialog";

    // Channels send a handful of distinct tags; past this many the rest are resolved each time rather than remembered,
    // so tags from the wire cannot grow the cache without bound.
    private const int MaxRemembered = 256;

    private readonly Dictionary<string, LocaleCatalogue> _byLocale;
    private readonly HashSet<string> _locales;
    private readonly ConcurrentDictionary<string, LocaleCatalogue> _resolved = new(StringComparer.Ordinal);

    /// <summary>Loads every locale found in <paramref name="folder"/> with the host's own features' phrases.</summary>
    public Catalogues(string folder)
        : this(folder, CardFeatureEntry.InHost)
    {
    }

    /// <summary>
    /// Loads every locale found in <paramref name="folder"/>, recognising the phrases of <paramref name="features"/>
    /// (<c>intents.{name}</c>) too; a broken file, or a feature without phrases, throws with the file or the key.
    /// </summary>
    public Catalogues(string folder, IEnumerable<CardFeatureEntry> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var messageFiles = CatalogueFiles.Find(folder, MessagesCatalogue);
        var dialogFiles = CatalogueFiles.Find(folder, DialogCatalogue);
        _locales = [.. messageFiles.Locales.Union(dialogFiles.Locales)];
        _byLocale = new Dictionary<string, LocaleCatalogue>(StringComparer.Ordinal);

        // The recognizer models are the costly part of a dialog and hold no wording: the languages that read with one
        // culture (recognizerCulture, inherited through the fallback chain) share one set.
        var recognizers = new Dictionary<string, TextRecognizers>(StringComparer.Ordinal);
        IReadOnlyList<CardFeatureEntry> featureList = [.. features];
        var english = Build(CatalogueLocale.Default, messageFiles, dialogFiles, recognizers, featureList, null);
        _byLocale[CatalogueLocale.Default] = english;
        foreach (var locale in _locales.Where(l => l != CatalogueLocale.Default).Order(StringComparer.Ordinal))
        {
            _byLocale[locale] = Build(locale, messageFiles, dialogFiles, recognizers, featureList, english);
        }

        Default = english;
    }

    /// <summary>The English catalogue: complete by rule, and what anything without a turn speaks (start-up checks, the CLI).</summary>
    public LocaleCatalogue Default { get; }

    /// <summary>Every distinct profile dialog, one per locale that has a dialog file of its own in its chain (English first).</summary>
    public IEnumerable<ProfileDialog> Dialogs =>
        new[] { Default.Dialog }.Concat(_byLocale.Values.Select(c => c.Dialog)).Distinct(ReferenceEqualityComparer.Instance).Cast<ProfileDialog>();

    /// <summary>The locales with at least one catalogue file.</summary>
    public IReadOnlySet<string> Locales => _locales;

    /// <summary>The catalogue for a locale tag from the wire; unknown or malformed tags get English.</summary>
    public LocaleCatalogue Resolve(string? locale)
    {
        if (string.IsNullOrEmpty(locale))
        {
            return Default;
        }

        if (_resolved.TryGetValue(locale, out var known))
        {
            return known;
        }

        var catalogue = _byLocale[CatalogueLocale.Resolve(locale, _locales)];
        if (_resolved.Count < MaxRemembered)
        {
            _resolved.TryAdd(locale, catalogue);
        }

        return catalogue;
    }

    /// <summary>The catalogue the turn speaks, from the activity's locale.</summary>
    public LocaleCatalogue For(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return Resolve(turn.Activity.Locale);
    }

    private static LocaleCatalogue Build(
        string locale,
        CatalogueFiles messageFiles,
        CatalogueFiles dialogFiles,
        Dictionary<string, TextRecognizers> recognizers,
        IReadOnlyList<CardFeatureEntry> features,
        LocaleCatalogue? english)
    {
        var messageLayers = messageFiles.LayersOf(locale);
        var dialogLayers = dialogFiles.LayersOf(locale);
        // A language without a file of its own for one catalogue shares English's instance of it.
        var messages = english is not null && messageLayers.Count == 1 ? english.Messages : BotMessages.Load(messageLayers);
        var intents = english is not null && ReferenceEquals(messages, english.Messages) ? english.Intents : new HostIntentRecognizer(messages, features);
        ProfileDialog dialog;
        if (english is not null && dialogLayers.Count == 1)
        {
            dialog = english.Dialog;
        }
        else
        {
            var definition = DialogDefinitionLoader.Load(dialogLayers);
            if (!recognizers.TryGetValue(definition.RecognizerCulture, out var models))
            {
                models = new TextRecognizers(definition.RecognizerCulture);
                recognizers[definition.RecognizerCulture] = models;
            }

            dialog = new ProfileDialog(definition, new SlotExtractor(definition, models));
        }

        return new LocaleCatalogue(locale, messages, dialog, intents);
    }
}
