namespace CartRecovery.Core.Admin.Errors;

/// <summary>
/// A call to a shop's Admin API that failed for good (refused access, a query Shopify rejects, user errors). Messages carry
/// no token and no personal data.
/// </summary>
public class AdminApiException(string message, int? status = null) : Exception(message)
{
    /// <summary>The HTTP status when the failure was one (401/403 for a revoked or missing token, 4xx for a bad request).</summary>
    public int? Status { get; } = status;

    public bool IsAccessDenied => Status is 401 or 403;
}
