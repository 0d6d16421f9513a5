namespace CartRecovery.Core.Experiments;

/// <summary>The arm a new recovery runs in: of the shop's running experiment (at most one runs at a time), or none.</summary>
public sealed class ExperimentAssigner(IExperimentRepository experiments)
{
    /// <summary>The variant label (<see cref="Experiment.VariantOf"/>), or null when nothing runs or the shopper is unknown.</summary>
    public async Task<string?> AssignAsync(string shop, string? customerKey, string cartKey, CancellationToken cancellationToken)
    {
        var running = (await experiments.ListAsync(shop, cancellationToken).ConfigureAwait(false)).FirstOrDefault(e => e.Status == ExperimentStatus.Running);
        if (running is null)
        {
            return null;
        }

        // An anonymous cart is assigned by its cart key: stable for that cart, the best available without a shopper.
        return running.VariantOf(ExperimentAssignment.Assign(running, customerKey ?? "cart:" + cartKey).Name);
    }

    public static bool IsHoldout(string? variant) =>
        Experiment.ParseVariant(variant) is { } parsed && string.Equals(parsed.Arm, ExperimentArm.HoldoutName, StringComparison.OrdinalIgnoreCase);
}
