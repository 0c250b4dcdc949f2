using System.CommandLine;
using Fangkong.Cli;
using Fangkong.Cli.Commands;

// First, so every help text, refusal and domain message below is in the one language asked for.
CliCulture.Apply(args);

var root = new RootCommand("Fangkong (防控): epidemic prevention and control command platform")
{
    GlobalOptions.Database,
    CliCulture.Language,
    DbCommand.Create(),
    DemoCommand.Create(),
    ServeCommand.Create(),
    RegionsCommand.Create(),
    PersonsCommand.Create(),
    UsersCommand.Create(),
    TestingCommand.Create(),
    CasesCommand.Create(),
    ContactsCommand.Create(),
    ClustersCommand.Create(),
    CheckinsCommand.Create(),
    ReportCommand.Create(),
    PolicyCommand.Create(),
    PassesCommand.Create(),
    ClosedLoopCommand.Create(),
    SocialZeroCommand.Create(),
    InfectionFreeCommand.Create(),
    SupervisionCommand.Create(),
    QuarantineCommand.Create(),
    SettingsCommand.Create(),
    BenchCommand.Create(),
    SimulateCommand.Create(),
};

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is Microsoft.Extensions.Options.OptionsValidationException or FormatException or InvalidOperationException or IOException or Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
{
    // Expected failures (bad settings, unreachable database, unreadable file): one clear line, exit 1.
    // On standard error, unwrapped, as CommandScope.Fail: scripts and operators read the setting's name whole.
    return CommandScope.Fail(e.Message);
}
