using System.Globalization;
using System.Runtime.CompilerServices;

namespace Fangkong.Tests;

/// <summary>
/// Tests read messages in the product's default language, Chinese, whatever the machine's LANG: a
/// developer under en_US and CI under C.UTF-8 see the same texts. A test about English sets it itself.
/// </summary>
/// Shared by the unit and integration test projects (each links this file: the initializer runs per assembly).
internal static class TestCulture
{
    [ModuleInitializer]
    internal static void UseChinese()
    {
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
    }

    /// <summary>
    /// Runs <paramref name="read"/> as a reader of <paramref name="culture"/> would (a request in that
    /// language, a console under that locale): texts turned into strings inside render in it.
    /// </summary>
    internal static T In<T>(string culture, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
