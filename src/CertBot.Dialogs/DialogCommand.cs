namespace CertBot.Dialogs;

/// <summary>Commands a person can give at any point of the dialog.</summary>
public enum DialogCommand
{
    /// <summary>Explain the dialog and repeat the pending question.</summary>
    Help,

    /// <summary>Stop the dialog.</summary>
    Cancel,

    /// <summary>Forget the answers and ask from the first question.</summary>
    StartOver,

    /// <summary>Delete everything stored about the person.</summary>
    ForgetMe,

    /// <summary>Change one answer ("change my cloud to Azure").</summary>
    Change,
}
