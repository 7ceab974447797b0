namespace CertBot.Conversation.Features;

/// <summary>
/// Names an <see cref="ICardFeature"/> and ranks its phrases. The name is the action its buttons carry, its key under
/// <c>intents:</c> and under <c>features:</c> in the catalogue. The rank places its phrases among the typed intents,
/// lowest first, and must be unique; the built-in ones are share 200, result 300, ask 500 and small talk 600 to 900
/// (compare is 100 and help 400, both features).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class CardFeatureAttribute(string name, int rank) : Attribute
{
    public string Name { get; } = name;

    public int Rank { get; } = rank;
}
