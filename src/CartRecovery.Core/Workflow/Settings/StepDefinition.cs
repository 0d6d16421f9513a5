using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Workflow.Settings;

/// <summary>
/// One step of a sequence: <paramref name="Delay"/> after abandonment (divided by <c>Recovery:TimeScale</c>), send a message of
/// <paramref name="Intent"/> on <paramref name="Channel"/>, with an incentive when <paramref name="Incentive"/> (and the store
/// enabled incentives), if <paramref name="Conditions"/> hold.
/// </summary>
public sealed record StepDefinition(
    string Id,
    TimeSpan Delay,
    Channel Channel,
    MessageIntent Intent,
    bool Incentive = false,
    StepConditions? Conditions = null)
{
    public StepConditions EffectiveConditions => Conditions ?? StepConditions.None;
}
