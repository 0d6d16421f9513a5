using CartRecovery.Core.Targeting.Api;
using CartRecovery.Server.Hosting;
using CartRecovery.Server.Http;

namespace CartRecovery.Server.Targeting;

public static class ContactRulesEndpoints
{
    /// <summary>The shop's contact rules (eligibility filters, caps, quiet hours, send time, Klaviyo) and the chain's counts.</summary>
    public static RouteGroupBuilder MapContactRulesEndpoints(this RouteGroupBuilder api)
    {
        var shop = api.MapGroup("/stores/{shop}");
        shop.MapGet("/contact-rules", (HttpContext c, ContactRulesHandler h) => HostAdapter.HandleAsync(c, h.GetAsync))
            .MerchantOperation("ContactRulesGet", "The shop's contact rules (the defaults until it saves its own).", 200);
        shop.MapPut("/contact-rules", (HttpContext c, ContactRulesHandler h) => HostAdapter.HandleAsync(c, h.PutAsync, ContactRulesHandler.MaxBodyBytes))
            .MerchantOperation("ContactRulesPut", "Replaces the shop's contact rules after validating them.", 200, problems: 413);
        shop.MapGet("/contact-rules/stats", (HttpContext c, ContactRulesHandler h) => HostAdapter.HandleAsync(c, h.StatsAsync))
            .MerchantOperation("ContactRulesStats", "How many steps each eligibility filter skipped, deferred or let through, per day.", 200);
        return api;
    }
}
