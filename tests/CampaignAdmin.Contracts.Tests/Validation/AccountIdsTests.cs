using CampaignAdmin.Contracts.Validation;

namespace CampaignAdmin.Contracts.Tests.Validation;

public class AccountIdsTests
{
    [Theory]
    [InlineData("+966539078942")]
    [InlineData("+966 53 907 8942")]
    [InlineData("+966-53-907-8942")]
    [InlineData("+966 (53) 907.8942")]
    [InlineData("0539078942")]
    [InlineData("053 907 8942")]
    [InlineData(" +966539078942\t")]
    [InlineData("+966 53 907 8942                      ")]
    public void SaudiNumberInAnyCommonFormNormalisesToE164(string raw) =>
        Assert.Equal("+966539078942", AccountIds.Normalize(raw));

    [Fact]
    public void NumberWithCountryCodeIgnoresTheDefaultRegion() =>
        Assert.Equal("+14155552671", AccountIds.Normalize("+1 (415) 555-2671"));

    [Fact]
    public void LocalNumberIsReadInTheGivenRegion() =>
        Assert.Equal("+14155552671", AccountIds.Normalize("(415) 555-2671", "US"));

    [Fact]
    public void DefaultRegionIsSaudiArabia() => Assert.Equal("SA", AccountIds.DefaultRegion);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("12345abc")]
    [InlineData("+966 12")]
    [InlineData("1234")]
    [InlineData("+966539078942x")]
    [InlineData("966+539078942")]
    [InlineData("+966\u0660539078942")]
    [InlineData("+000000000000")]
    [InlineData("+1234567890123456789")]
    public void AnythingThatIsNotAValidPhoneNumberIsNull(string? raw) => Assert.Null(AccountIds.Normalize(raw));
}
