using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fangkong.Common.Settings;

/// <summary>How every options class of Fangkong is registered: bound strictly, validated, checked when the host starts.</summary>
public static class SettingsServiceCollectionExtensions
{
    /// <summary>
    /// <c>AddOptions&lt;T&gt;()</c> bound from <paramref name="section"/> by <see cref="SettingsBinder"/>,
    /// validated by <see cref="SettingsValidator{T}"/> (its DataAnnotations) and <c>ValidateOnStart</c>.
    /// The section is read when the options are first needed, so settings added after this call
    /// (the tests' in-memory values) count.
    /// </summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<IValidateOptions<T>>(new SettingsValidator<T>(section));
        return services.AddOptions<T>()
            .Configure(o => SettingsBinder.Bind(configuration.GetSection(section), o))
            .ValidateOnStart();
    }

    /// <summary>
    /// Checks every setting registered with <c>ValidateOnStart</c> now: the CLI has no host to start,
    /// and the web host checks before it touches the database. Throws one
    /// <see cref="OptionsValidationException"/> listing every bad setting.
    /// </summary>
    public static void ValidateSettingsNow(this IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            var all = e.InnerExceptions.Cast<OptionsValidationException>().ToList();
            throw new OptionsValidationException(string.Join(", ", all.Select(x => x.OptionsName)), all[0].OptionsType, all.SelectMany(x => x.Failures));
        }
    }
}
