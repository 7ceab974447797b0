using System.Diagnostics;

namespace SideBySide;

/// <summary>A server under test: how to start it on a port, and the conversation it understands.</summary>
internal sealed record Target(string Name, Conversation Conversation, Func<int, ProcessStartInfo> Start);
