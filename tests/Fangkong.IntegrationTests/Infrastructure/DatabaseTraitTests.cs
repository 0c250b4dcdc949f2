using System.Reflection;
using Fangkong.Data;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Fangkong.IntegrationTests.Infrastructure;

/// <summary>
/// The provider filter (<c>--filter Database=Sqlite</c>, docs/testing.md) works only if every test run
/// on a database carries the trait. This discovers this assembly's tests as the runner does, through
/// <see cref="DatabaseTraitFramework"/>, and checks that every theory fed by <see cref="Providers.Both"/>
/// (every test with a <see cref="DatabaseProvider"/> parameter) is discovered with the trait, once per
/// provider (or, unsplit when skipped, once with both): a new test cannot escape the filter unnoticed.
/// </summary>
public sealed class DatabaseTraitTests
{
    [Fact]
    public void EveryTestFedByProviders_IsDiscoveredPerProvider_WithItsDatabaseTrait()
    {
        var cases = Discover(typeof(DatabaseTraitTests).Assembly);
        var dataMethods = typeof(DatabaseTraitTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes<TheoryAttribute>().Any() && m.GetParameters().Any(p => p.ParameterType == typeof(DatabaseProvider)))
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}")
            .ToHashSet(StringComparer.Ordinal);
        dataMethods.ShouldContain($"{typeof(Testing.TracingAfterCommitTests).FullName}.{nameof(Testing.TracingAfterCommitTests.OneUpload_IsTracedExactlyOnce_AndTheAnswerSaysWhatTracingDid)}");

        var traitsByMethod = cases
            .GroupBy(c => $"{c.TestMethod.TestClass.Class.Name}.{c.TestMethod.Method.Name}", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(Traits).ToList(), StringComparer.Ordinal);

        var wrong = dataMethods
            .Where(m => !traitsByMethod.TryGetValue(m, out var traits)
                || traits.Any(t => t.Count == 0)
                || !traits.SelectMany(t => t).Order(StringComparer.Ordinal).SequenceEqual(["Postgres", "Sqlite"]))
            .Order(StringComparer.Ordinal)
            .ToList();
        // One case per provider, each with its own; or, when xunit does not split a theory (a skipped one), one case with both.
        wrong.ShouldBeEmpty("each of these must carry Database=Sqlite and Database=Postgres, each case at least one");

        // And no test without a provider gets the trait by mistake.
        cases.Where(c => !dataMethods.Contains($"{c.TestMethod.TestClass.Class.Name}.{c.TestMethod.Method.Name}") && Traits(c).Count > 0)
            .Select(c => c.DisplayName).ShouldBeEmpty();
    }

    private static List<string> Traits(ITestCase testCase) =>
        testCase.Traits.TryGetValue(DatabaseTraitFramework.Trait, out var values) ? values : [];

    private static List<ITestCase> Discover(Assembly assembly)
    {
        using var framework = new DatabaseTraitFramework(new NullMessageSink());
        using var discoverer = framework.GetDiscoverer(Reflector.Wrap(assembly));
        using var sink = new Collector();
        discoverer.Find(includeSourceInformation: false, sink, new DiscoveryOptions());
        sink.Done.Wait(TimeSpan.FromMinutes(2)).ShouldBeTrue("discovery finished");
        return sink.Cases;
    }

    private sealed class Collector : LongLivedMarshalByRefObject, IMessageSink, IDisposable
    {
        public List<ITestCase> Cases { get; } = [];

        public ManualResetEventSlim Done { get; } = new();

        public bool OnMessage(IMessageSinkMessage message)
        {
            if (message is ITestCaseDiscoveryMessage found)
            {
                lock (Cases)
                {
                    Cases.Add(found.TestCase);
                }
            }
            else if (message is IDiscoveryCompleteMessage)
            {
                Done.Set();
            }

            return true;
        }

        public void Dispose() => Done.Dispose();
    }

    /// <summary>Discovery as the runner asks for it: theories split into one case per data row.</summary>
    private sealed class DiscoveryOptions : ITestFrameworkDiscoveryOptions
    {
        private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal) { ["xunit.discovery.PreEnumerateTheories"] = true };

        public TValue GetValue<TValue>(string name) => _values.TryGetValue(name, out var v) && v is TValue t ? t : default!;

        public void SetValue<TValue>(string name, TValue value) => _values[name] = value;
    }
}
