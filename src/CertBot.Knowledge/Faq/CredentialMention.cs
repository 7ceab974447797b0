using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Faq;

/// <summary>A credential a question is about; <paramref name="Explicit"/> when named by code or name, not just by a vendor word.</summary>
public sealed record CredentialMention(Credential Credential, bool Explicit);
