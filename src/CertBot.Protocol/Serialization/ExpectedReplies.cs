using System.Text.Json;
using CertBot.Protocol.Schema;

namespace CertBot.Protocol.Serialization;

/// <summary>
/// HTTP body of an <c>expectReplies</c> turn: the buffered activities in send order. For an invoke the
/// result is both the last activity (type <c>invokeResponse</c>, botbuilder style) and <see cref="Body"/>
/// (Agents SDK style), so either kind of caller finds it.
/// </summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities, JsonElement? Body = null);
