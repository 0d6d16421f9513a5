namespace CartRecovery.Core.Messaging.Composition.Guardrails;

/// <summary>
/// Small per-language word lists for cheap checks: common stop words (is the copy in the asked language?), discount words and
/// deadline words (may it talk about an offer or a deadline at all?). Matched on whole lower-cased words, or as substrings for Japanese.
/// </summary>
internal static class LanguageVocabulary
{
    public static readonly IReadOnlyDictionary<string, HashSet<string>> StopWords = new Dictionary<string, HashSet<string>>
    {
        ["en"] = Set("the and you your to of is in it for with are we our this that still be can have has just at on"),
        ["de"] = Set("der die das und sie ihr ihre ihren ihrem ist nicht mit zu den dem ein eine einen wir für noch auf es im sind wenn auch jetzt"),
        ["fr"] = Set("le les et vous votre vos est des pour un une dans nous pas que qui sur du au encore ce cette sont avec toujours"),
        ["es"] = Set("el los las y tu tus es que en un una para por con su te nos todavía está del al sigue esta este muy"),
    };

    public static readonly IReadOnlyDictionary<string, string[]> DiscountWords = new Dictionary<string, string[]>
    {
        ["en"] = ["discount", "coupon", "voucher", "promo", "% off", "percent off", "free shipping", "save ", "savings", "code", "deal", "sale"],
        ["de"] = ["rabatt", "gutschein", "coupon", "code", "versandkostenfrei", "kostenloser versand", "sparen", "ermäßigung", "angebot", "prozent"],
        ["fr"] = ["réduction", "remise", "code", "coupon", "promo", "livraison gratuite", "économisez", "offre", "pour cent", "soldes"],
        ["es"] = ["descuento", "cupón", "código", "promo", "envío gratis", "ahorra", "oferta", "por ciento", "rebaja"],
        ["ja"] = ["割引", "クーポン", "コード", "送料無料", "オフ", "セール", "お得", "特価"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> DeadlineWords = new Dictionary<string, string[]>
    {
        ["en"] = ["today only", "tonight", "tomorrow", "midnight", "expires", "expiring", "ends soon", "ends today", "hours left", "last day", "until ", "deadline", "limited time"],
        ["de"] = ["nur heute", "heute nacht", "morgen", "mitternacht", "läuft ab", "endet", "stunden", "letzter tag", "bis zum", "nur noch", "befristet"],
        ["fr"] = ["aujourd'hui seulement", "ce soir", "demain", "minuit", "expire", "se termine", "heures", "dernier jour", "jusqu'au", "durée limitée"],
        ["es"] = ["solo hoy", "esta noche", "mañana", "medianoche", "caduca", "vence", "termina", "horas", "último día", "hasta el", "tiempo limitado"],
        ["ja"] = ["本日限り", "今日だけ", "今夜", "明日", "深夜", "期限", "終了", "時間以内", "最終日", "まで"],
    };

    private static HashSet<string> Set(string words) => new(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
}
