namespace CartRecovery.Core.Workflow;

/// <summary>Why a recovery stopped before its last step.</summary>
public enum StopReason
{
    Purchased,
    OptedOut,
    CartGone,
    MerchantStopped,
    Expired,
    StoreRemoved,
    Superseded,
    StepFailed,
}
