namespace CertBot.Dialogs.Extraction;

/// <summary>Which clauses of a message may state facts.</summary>
internal enum FactScope
{
    /// <summary>All of them: the person is answering.</summary>
    Everything,

    /// <summary>In a question-shaped message only clauses with a first-person word or in terse fragment style ("DS, 4 yrs"); question clauses never.</summary>
    Statements,

    /// <summary>Only clauses with a first-person word that are not questions ("I'm a data scientist now", "we moved to GCP").</summary>
    SelfStatements,
}
