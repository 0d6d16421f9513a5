using System.Reflection;
using System.Text.Json;
using CartRecovery.Functions.Http;
using CartRecovery.Testing;
using Microsoft.Azure.Functions.Worker;

namespace CartRecovery.Functions.Tests.Routes;

/// <summary>
/// The HTTP routes of the Functions host, read the way the Worker SDK's metadata generator reads them: every
/// <c>[Function]</c> method with an <c>[HttpTrigger]</c> parameter, its methods and route, under the host's route prefix
/// (host.json <c>extensions.http.routePrefix</c>).
/// </summary>
internal static class FunctionsRoutes
{
    public static IReadOnlyList<(string Function, HttpRoute Route)> All()
    {
        var prefix = RoutePrefix();
        var routes = new List<(string, HttpRoute)>();
        foreach (var method in typeof(FunctionsHttp).Assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
            {
                continue;
            }

            foreach (var trigger in method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>())
            {
                // A trigger without methods accepts every method and one without a route answers on the function's name;
                // both would be a drift from the server, whose every endpoint names its method and route.
                var methods = trigger.Methods is { Length: > 0 } named ? named : ["*"];
                var route = trigger.Route ?? function.Name;
                routes.AddRange(methods.Select(m => (function.Name, HttpRoute.Of(m, $"{prefix}/{route}"))));
            }
        }

        return routes;
    }

    /// <summary>The route prefix from the repository's host.json (the file the Functions project copies to its output).</summary>
    public static string RoutePrefix()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")));
        return hostJson.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix)
            ? prefix.GetString() ?? "api"
            : "api"; // the Functions host's default
    }
}
