using Fangkong.Data;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Fangkong.IntegrationTests.Infrastructure.DatabaseTraitFramework", "Fangkong.IntegrationTests")]

namespace Fangkong.IntegrationTests.Infrastructure;

/// <summary>
/// xunit as usual, except that every test case run on a database carries the trait
/// <c>Database=Sqlite</c> or <c>Database=Postgres</c>, taken from its <see cref="DatabaseProvider"/>
/// argument, so that <c>dotnet test --filter Database=Sqlite</c> runs one provider's half. A trait is
/// added here, at discovery, because xunit's trait attributes are per method while the provider is per
/// data row; the existing <c>[Theory, MemberData(nameof(Providers.Both))]</c> tests need no change.
/// </summary>
public sealed class DatabaseTraitFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    public const string Trait = "Database";

    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    /// <summary>The providers a test case runs on: its argument, or both when xunit could not split the theory by data row.</summary>
    public static IReadOnlyList<string> ProvidersOf(ITestCase testCase)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        if (testCase.TestMethodArguments is { } arguments)
        {
            return arguments.OfType<DatabaseProvider>().Select(p => p.ToString()).Distinct().ToList();
        }

        var parameters = testCase.TestMethod.Method.GetParameters();
        return parameters.Any(p => p.ParameterType.Name == typeof(DatabaseProvider).FullName)
            ? Enum.GetNames<DatabaseProvider>()
            : [];
    }

    private sealed class Discoverer(IAssemblyInfo assembly, ISourceInformationProvider sources, IMessageSink diagnostics)
        : XunitTestFrameworkDiscoverer(assembly, sources, diagnostics)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions) =>
            base.FindTestsForMethod(testMethod, includeSourceInformation, new TraitBus(messageBus), discoveryOptions);
    }

    /// <summary>Adds the trait to each discovered test case on its way to the runner.</summary>
    private sealed class TraitBus(IMessageBus inner) : IMessageBus
    {
        public bool QueueMessage(IMessageSinkMessage message)
        {
            if (message is ITestCaseDiscoveryMessage { TestCase: var testCase } && ProvidersOf(testCase) is { Count: > 0 } providers)
            {
                testCase.Traits[Trait] = [.. providers];
            }

            return inner.QueueMessage(message);
        }

        // The inner bus belongs to the caller, who disposes it.
        public void Dispose()
        {
        }
    }
}
