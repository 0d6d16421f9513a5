using CartRecovery.Storage.Serialization;

namespace CartRecovery.Storage.Tests.Serialization;

public sealed class PersonalDataHashTests
{
    [Theory]
    [InlineData("+49 151 12345678")]
    [InlineData("0049 151 12345678")]
    [InlineData("+49 (0)151 12345678")]
    public void A_phone_hashes_as_its_E164_form(string written)
    {
        Assert.Equal(PersonalDataHash.Phone("+4915112345678"), PersonalDataHash.Phone(written));
    }

    [Fact]
    public void A_number_E164_cannot_express_hashes_by_its_digits_and_is_not_guessed_into_a_country()
    {
        Assert.Equal(PersonalDataHash.Phone("0151 12345678"), PersonalDataHash.Phone("015112345678"));
        Assert.NotEqual(PersonalDataHash.Phone("+4915112345678"), PersonalDataHash.Phone("0151 12345678"));
    }

    [Fact]
    public void Different_numbers_and_empty_input_do_not_collide()
    {
        Assert.NotEqual(PersonalDataHash.Phone("+4915112345678"), PersonalDataHash.Phone("+4915112345679"));
        Assert.Null(PersonalDataHash.Phone(" "));
        Assert.Null(PersonalDataHash.Phone("no digits"));
    }
}
