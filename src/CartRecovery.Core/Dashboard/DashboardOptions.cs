namespace CartRecovery.Core.Dashboard;

/// <summary>
/// The embedded dashboard (section <c>Dashboard</c>). <see cref="DevShop"/> is the one shop the development login issues
/// session tokens for, and only while the host runs in the Development environment (<see cref="DevLoginEnabled"/> is set
/// by the registration from the host's environment, never from configuration).
/// </summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    public string? DevShop { get; set; }

    /// <summary>Lifetime of a development session token: App Bridge's one minute, so the merchant API accepts it.</summary>
    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromMinutes(1);

    public bool DevLoginEnabled { get; set; }
}
