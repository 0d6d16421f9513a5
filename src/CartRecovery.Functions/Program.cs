using CartRecovery.Functions.Recovery;
using CartRecovery.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

// The HostBuilder form works on every 2.x worker; settings come from local.settings.json "Values" or app settings,
// with the same keys as the server ("Storage__ConnectionString", "Recovery__TimeScale", "Shopify__ApiKey", ...).
// The product is registered once for both hosts (CartRecovery.Hosting); this host adds its engine, and its transport is
// the [Function] classes the worker finds. Options are validated when the host starts: a bad setting stops it, naming the key.
var host = new HostBuilder()
    .ConfigureFunctionsWorkerDefaults()
    .ConfigureAppConfiguration(configuration => configuration.AddEnvironmentVariables())
    .ConfigureServices((context, services) => services
        .AddCartRecovery(context.Configuration)
        .AddDurableEngine())
    .Build();

await host.RunAsync();
