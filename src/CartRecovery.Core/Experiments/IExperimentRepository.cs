namespace CartRecovery.Core.Experiments;

/// <summary>A shop's experiments.</summary>
public interface IExperimentRepository
{
    Task<IReadOnlyList<Experiment>> ListAsync(string shop, CancellationToken cancellationToken);

    Task<Experiment?> GetAsync(string shop, string id, CancellationToken cancellationToken);

    /// <summary>Creates or replaces one experiment.</summary>
    Task SaveAsync(Experiment experiment, CancellationToken cancellationToken);
}
