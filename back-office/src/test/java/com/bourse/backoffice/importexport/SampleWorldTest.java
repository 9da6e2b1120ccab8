package com.bourse.backoffice.importexport;

import com.bourse.csv.ImportProblem;
import com.bourse.csv.ImportRejectedException;
import com.bourse.protocol.Command;
import com.bourse.protocol.Role;
import com.bourse.simulator.PriceBar;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleWorldTest {
    private static final long T = 1_795_683_600_000L;

    @Test
    void theProjectsSampleDataIsReadWholeWithEveryInstrumentsHistory() throws IOException {
        SampleWorld world = SampleWorld.read(BackOfficeFixture.SAMPLE_DATA);

        assertThat(world.instruments()).extracting(i -> i.symbol())
                .containsExactly("ASML", "SAP", "AIR", "MC", "AAPL", "MSFT");
        assertThat(world.users()).extracting(SampleWorld.SampleUser::username).contains("admin", "market");
        assertThat(world.balances()).hasSize(Files.readAllLines(BackOfficeFixture.SAMPLE_DATA.resolve("balances.csv"))
                .size() - 1);
        for (var instrument : world.instruments()) {
            List<String> lines = Files.readAllLines(BackOfficeFixture.SAMPLE_DATA.resolve("price-history")
                    .resolve(instrument.symbol() + ".csv"));
            assertThat(world.priceHistory().get(instrument.id())).as(instrument.symbol()).hasSize(lines.size() - 1);
        }
        assertThat(world.simulatedMarket().makerUser()).isEqualTo(world.userIdOf(SampleWorld.SIMULATOR_USERNAME));
        assertThat(world.simulatedMarket().flowUser()).isEqualTo(world.userIdOf(SampleWorld.ORDER_FLOW_USERNAME));
    }

    @Test
    void aMalformedLineRefusesTheWholeWorldNamingTheFileLineAndField() {
        SampleFiles files = new SampleFiles().with("instruments.csv", """
                instrument_id,symbol,name,currency,price_scale,tick_size,lot_size,reference_price,band_bps
                1,ASML,ASML Holding,EUR,2,10,1,68450,1000
                2,SAP,SAP SE,EUR,2,five,1,23420,1000
                """);

        assertThatThrownBy(files::read).isInstanceOf(ImportRejectedException.class)
                .hasMessageStartingWith("sample-data/instruments.csv line 3, field 'tick_size': 'five' is not a whole "
                        + "number");
    }

    @Test
    void everyBadLineOfTheFileIsNamedNotOnlyTheFirst() {
        SampleFiles files = new SampleFiles().with("balances.csv",
                "account_id,asset,amount\n1001,EUR,-500\n1001,EUR,0\n1001,EUR,99999999999999999999\n1001,EUR,12.5\n"
                        + "4242,EUR,1\n1001,GBP,1\n");

        assertThatThrownBy(files::read).isInstanceOfSatisfying(ImportRejectedException.class, e ->
                assertThat(e.problems()).extracting(ImportProblem::toString).containsExactly(
                        "sample-data/balances.csv line 2, field 'amount': must not be negative, got -500",
                        "sample-data/balances.csv line 3, field 'amount': must be at least 1, got 0",
                        "sample-data/balances.csv line 4, field 'amount': is too large (at most 9223372036854775807)",
                        "sample-data/balances.csv line 5, field 'amount': '12.5' is not a whole number",
                        "sample-data/balances.csv line 6, field 'account_id': no account 4242",
                        "sample-data/balances.csv line 7, field 'asset': 'GBP' is neither a currency nor a symbol"));
    }

    @Test
    void aQuotedNameWithACommaIsOneFieldAsInAnySpreadsheetExport() {
        SampleWorld world = new SampleFiles().with("accounts.csv", """
                account_id,owner_username,name,base_currency,self_trade_prevention,iban
                1001,alice,"Martin, Alice - Equities",EUR,CANCEL_OLDEST,DE89370400440532013000
                9001,market,Simulated market makers,EUR,CANCEL_OLDEST,
                9002,market,Simulated order flow,EUR,CANCEL_NEWEST,
                """).read();

        assertThat(world.accounts().getFirst().name()).isEqualTo("Martin, Alice - Equities");
    }

    @Test
    void anAccountOfAnUnknownOwnerIsRefused() {
        SampleFiles files = new SampleFiles().with("accounts.csv", """
                account_id,owner_username,name,base_currency,self_trade_prevention,iban
                1001,zoe,Zoe - Equities,EUR,CANCEL_OLDEST,
                """);

        assertThatThrownBy(files::read)
                .hasMessageStartingWith("sample-data/accounts.csv line 2, field 'owner_username': no user named 'zoe'");
    }

    @Test
    void aPriceBarWhoseCloseLiesAboveItsHighIsRefused() {
        SampleFiles files = new SampleFiles().with("price-history/ASML.csv",
                "minute,open,high,low,close,volume\n0,68450,68500,68400,68460,900\n1,68460,68470,68440,68990,1200\n");

        assertThatThrownBy(files::read).hasMessageStartingWith("sample-data/price-history/ASML.csv line 3, field "
                + "'low': open 68460 and close 68990 must lie within low 68440 and high 68470");
    }

    @Test
    void aWorldWithoutAnAdministratorIsRefused() {
        SampleFiles files = new SampleFiles().with("users.csv", """
                user_id,username,display_name,roles,password
                2,alice,Alice Martin,TRADER,alice-training-1
                """);

        assertThatThrownBy(files::read).hasMessageContaining("sample-data/users.csv line 1, field 'roles': no user "
                + "has the ADMIN role");
    }

    @Test
    void anInstrumentWithoutHistoryIsListedButNotReplayed() {
        SampleWorld world = new SampleFiles().without("price-history/ASML.csv").read();

        assertThat(world.instruments()).hasSize(1);
        assertThat(world.priceHistory().get(1L)).isEmpty();
        assertThat(world.simulatedMarket().minutes()).isZero();
    }

    @Test
    void theSeedListsReferenceDataThenUsersInstrumentsAccountsLimitsAndSettledDeposits() {
        SampleWorld world = new SampleFiles().read();

        List<Command> seed = world.seed(T);

        assertThat(seed).extracting(c -> c.getClass().getSimpleName()).containsExactly(
                "AddCurrency", "RegisterUser", "RegisterUser", "RegisterUser", "RegisterUser", "ListInstrument",
                "OpenAccount", "OpenAccount", "OpenAccount", "SetRiskLimits", "SetRiskLimits",
                "RequestTransfer", "SettleTransfer", "RequestTransfer", "SettleTransfer");
        assertThat(seed).allSatisfy(c -> {
            assertThat(c.timestamp()).isEqualTo(T);
            assertThat(c.userId()).isEqualTo(Command.SYSTEM_USER);
        });
        assertThat(seed).filteredOn(c -> c instanceof Command.SetRiskLimits)
                .extracting(c -> ((Command.SetRiskLimits) c).accountId()).containsExactly(9001L, 9002L);
        assertThat(seed).filteredOn(c -> c instanceof Command.RegisterUser)
                .extracting(c -> ((Command.RegisterUser) c).roleMask()).first().isEqualTo(Role.ADMIN.bit());
        assertThat(world.seed(T)).isEqualTo(seed);
    }

    @Test
    void barsKeepTheirMinutesAndPrices() {
        SampleWorld world = new SampleFiles().read();

        assertThat(world.priceHistory().get(1L)).containsExactly(new PriceBar(0, 68450, 68500, 68400, 68460, 900),
                new PriceBar(1, 68460, 68470, 68440, 68440, 1200));
    }
}
