using System.Text.Json.Serialization.Metadata;

namespace CertBot.Protocol.State;

/// <summary>Typed conversation and user state for one turn; each document is read once and written once.</summary>
public interface ITurnState
{
    /// <summary>The conversation's state document, created empty when none is stored.</summary>
    T Conversation<T>(JsonTypeInfo<T> typeInfo) where T : class, new();

    /// <summary>The user's state document (keyed by channel and user id), created empty when none is stored.</summary>
    T User<T>(JsonTypeInfo<T> typeInfo) where T : class, new();

    /// <summary>Deletes the user's stored state at the end of the turn ("forget me").</summary>
    void DeleteUser();

    /// <summary>Deletes the conversation's stored state at the end of the turn.</summary>
    void DeleteConversation();
}
