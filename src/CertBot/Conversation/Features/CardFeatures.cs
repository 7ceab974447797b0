namespace CertBot.Conversation.Features;

/// <summary>
/// The registered features by name, for the routers: a button's action or a recognised phrase finds its handler here.
/// Built-in actions are matched before any feature; a feature named like one, or like another feature, stops start-up.
/// </summary>
public sealed class CardFeatures
{
    private readonly Dictionary<string, ICardFeature> _byName;

    public CardFeatures(IEnumerable<CardFeatureEntry> entries, IEnumerable<ICardFeature> handlers)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(handlers);
        var byType = handlers.ToDictionary(handler => handler.GetType());
        _byName = new Dictionary<string, ICardFeature>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (CardActionRouter.BuiltInActions.Contains(entry.Name))
            {
                throw new InvalidOperationException($"Feature {entry.Handler.Name} is named '{entry.Name}', which is a built-in card action.");
            }

            if (!_byName.TryAdd(entry.Name, byType[entry.Handler]))
            {
                throw new InvalidOperationException($"Two features are named '{entry.Name}'.");
            }
        }
    }

    /// <summary>The feature with this name (a button's action), or null.</summary>
    public ICardFeature? Find(string? name) => name is not null && _byName.TryGetValue(name, out var feature) ? feature : null;
}
