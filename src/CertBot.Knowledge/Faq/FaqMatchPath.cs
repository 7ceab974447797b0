namespace CertBot.Knowledge.Faq;

/// <summary>Which part of the matcher decided, for telemetry, evaluation reports and curators.</summary>
public enum FaqMatchPath
{
    /// <summary>The lexical matcher on the whole message.</summary>
    Lexical,

    /// <summary>The lexical matcher on the question part of a long message.</summary>
    LexicalFocus,

    /// <summary>The embedding's nearest entry agreed with the lexical nearest entry above the lower threshold.</summary>
    SemanticAgreement,

    /// <summary>The embedding alone was similar enough above the higher threshold.</summary>
    SemanticAlone,

    /// <summary>The message says who the person is and came close to a path entry: their persona's path answers.</summary>
    StatedPersona,

    /// <summary>The question names one credential and asks only what it is; its overview entry answers.</summary>
    CredentialOverview,

    /// <summary>
    /// The question names a credential; with the name replaced by "exam", what is left asked a topic whose version for
    /// that credential answers ("how much is MLA-C01?" is the AWS version of the fees entry, not the AWS overview).
    /// </summary>
    NameMasked,

    /// <summary>The question asks for a detail the knowledge does not hold.</summary>
    NotHeld,

    /// <summary>The question spells out a detail one entry was written for ("how many items, how much time?"); that entry answers.</summary>
    DetailHolder,
}
