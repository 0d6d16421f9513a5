namespace CartRecovery.Functions.Tests.Routes;

/// <summary>One HTTP method on one route template, as a client sees it (with the <c>/api</c> prefix, upper-case method).</summary>
public sealed record HttpRoute(string Method, string Template)
{
    public static HttpRoute Of(string method, string template) =>
        new(method.ToUpperInvariant(), "/" + template.Trim('/'));

    public override string ToString() => $"{Method} {Template}";
}
