using CartRecovery.Core.Carts;

namespace CartRecovery.Core.Tests.Carts;

public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("+4915112345678", "+4915112345678")]
    [InlineData("+49 151 1234 5678", "+4915112345678")]
    [InlineData(" +1 (555) 123-4567 ", "+15551234567")]
    [InlineData("0049 (170) 1234567", "+491701234567")]
    [InlineData("+44 (0)20 7946 0958", "+442079460958")] // the trunk 0 after the country code is dropped
    [InlineData("+44 020 7946 0958", "+442079460958")]
    [InlineData("+33 6 12 34 56 78", "+33612345678")]
    [InlineData("+1.415.555.0100", "+14155550100")]
    public void Normalises_international_numbers_to_E164(string input, string expected)
    {
        Assert.Equal(expected, PhoneNumbers.ToE164(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("030 1234567")] // national: no country to read it in
    [InlineData("5551234567")]
    [InlineData("+49 15")] // too short for Germany
    [InlineData("+1 555 123 45678 999")] // too long for the plan
    [InlineData("+999 1234567")] // no such country code
    [InlineData("call me")]
    [InlineData("+")]
    public void Refuses_what_is_not_a_possible_international_number(string? input)
    {
        Assert.Null(PhoneNumbers.ToE164(input));
    }

    [Theory]
    [InlineData("030 1234567", "DE", "+49301234567")]
    [InlineData("0151 12345678", "de", "+4915112345678")]
    [InlineData("(415) 555-0100", "US", "+14155550100")]
    [InlineData("+33 6 12 34 56 78", "DE", "+33612345678")] // an explicit country code wins over the default
    public void Reads_a_national_number_in_the_given_region(string input, string region, string expected)
    {
        Assert.Equal(expected, PhoneNumbers.ToE164(input, region));
    }

    [Theory]
    [InlineData("+4915112345678", "DE")]
    [InlineData("+43 664 1234567", "AT")]
    [InlineData("+33 6 12 34 56 78", "FR")]
    [InlineData("+1 212 555 0100", "US")]
    [InlineData("+1 416 555 0100", "CA")] // shared +1: the area code decides
    [InlineData("+44 20 7946 0958", "GB")]
    public void Knows_the_country_of_a_number(string input, string expected)
    {
        Assert.Equal(expected, PhoneNumbers.RegionOf(input));
    }

    [Theory]
    [InlineData("+1 555 123 4567")] // +1 with an area code no country has
    [InlineData("+800 1234 5678")] // international freephone: no country
    [InlineData("030 1234567")]
    [InlineData(null)]
    public void Has_no_country_when_the_number_does_not_say(string? input)
    {
        Assert.Null(PhoneNumbers.RegionOf(input));
    }

    [Fact]
    public void Every_normalised_number_normalises_to_itself()
    {
        foreach (var input in new[] { "+49 151 1234 5678", "0049 (170) 1234567", "+44 (0)20 7946 0958", "+1 (555) 123-4567" })
        {
            var once = PhoneNumbers.ToE164(input);
            Assert.NotNull(once);
            Assert.Equal(once, PhoneNumbers.ToE164(once));
        }
    }
}
