using System.Reflection;

namespace CertBot.Conversation.Features;

/// <summary>One registered feature: its name, rank and handler type, as its <see cref="CardFeatureAttribute"/> says.</summary>
public sealed record CardFeatureEntry(string Name, int Rank, Type Handler)
{
    /// <summary>The features the host assembly defines, in rank order: what a running bot registers.</summary>
    public static IReadOnlyList<CardFeatureEntry> InHost { get; } = In(typeof(CardFeatureEntry).Assembly);

    /// <summary>The entry of a handler type; a type without the attribute or the interface is a programming error.</summary>
    public static CardFeatureEntry Of(Type handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!typeof(ICardFeature).IsAssignableFrom(handler) || handler.IsAbstract)
        {
            throw new ArgumentException($"{handler.FullName} is not a concrete {nameof(ICardFeature)}.", nameof(handler));
        }

        var attribute = handler.GetCustomAttribute<CardFeatureAttribute>()
            ?? throw new ArgumentException($"{handler.FullName} has no [{nameof(CardFeatureAttribute)}] naming and ranking it.", nameof(handler));
        return string.IsNullOrWhiteSpace(attribute.Name)
            ? throw new ArgumentException($"{handler.FullName} has an empty feature name.", nameof(handler))
            : new CardFeatureEntry(attribute.Name, attribute.Rank, handler);
    }

    /// <summary>Every concrete <see cref="ICardFeature"/> in an assembly, in rank order.</summary>
    public static IReadOnlyList<CardFeatureEntry> In(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return [.. assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(ICardFeature).IsAssignableFrom(type))
            .Select(Of)
            .OrderBy(entry => entry.Rank)];
    }
}
