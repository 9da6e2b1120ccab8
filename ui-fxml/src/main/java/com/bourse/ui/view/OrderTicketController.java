package com.bourse.ui.view;

import com.bourse.protocol.Event;
import com.bourse.protocol.FixedPoint;
import com.bourse.protocol.Instrument;
import com.bourse.protocol.OrderType;
import com.bourse.protocol.Side;
import com.bourse.protocol.TimeInForce;
import com.bourse.ui.model.BracketTicket;
import com.bourse.ui.model.Decimals;
import com.bourse.ui.model.DeskState;
import com.bourse.ui.model.DepthBook;
import com.bourse.ui.model.OrderConfirmation;
import com.bourse.ui.model.TicketCheck;
import com.bourse.ui.model.TicketDraft;
import com.bourse.ui.model.TicketField;
import com.bourse.ui.model.TicketValidator;
import com.bourse.ui.port.AccountView;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The order ticket: instrument search, account, side, type, time in force, quantity and price spinners
 * that step by lot and tick, stop price, iceberg display quantity and post-only. Every change is checked
 * by the {@link TicketValidator}; a message stands next to the field at fault and nothing is sent while
 * one does. An engine rejection of the order it sent comes back next to the field it concerns.
 */
public final class OrderTicketController {
    @FXML private ScrollPane root;
    @FXML private ComboBox<Instrument> instrumentBox;
    @FXML private ComboBox<AccountView> accountBox;
    @FXML private ToggleButton buyToggle;
    @FXML private ToggleButton sellToggle;
    @FXML private ComboBox<OrderType> typeBox;
    @FXML private ComboBox<TimeInForce> tifBox;
    @FXML private Spinner<String> quantitySpinner;
    @FXML private Spinner<String> priceSpinner;
    @FXML private Spinner<String> stopSpinner;
    @FXML private TextField displayField;
    @FXML private CheckBox postOnlyBox;
    /** OCO exit: the limit price is the target, the stop price the stop, sent as one one-cancels-other pair. */
    @FXML private CheckBox ocoBox;
    /**
     * Bracket: the limit price is the entry; once it fills, a take-profit target and a protective stop (prices typed
     * in their rows, shown in ticks and money from the entry) work as an OCO pair for what filled.
     */
    @FXML private CheckBox bracketBox;
    @FXML private Spinner<String> targetSpinner;
    @FXML private Label targetError;
    @FXML private Label targetLabel;
    @FXML private VBox targetRow;
    @FXML private Label bracketSummary;
    @FXML private Label optionsLabel;
    @FXML private javafx.scene.layout.HBox icebergLine;
    @FXML private Label instrumentError;
    @FXML private Label accountError;
    @FXML private Label typeError;
    @FXML private Label tifError;
    @FXML private Label quantityError;
    @FXML private Label priceError;
    @FXML private Label stopError;
    @FXML private Label displayError;
    @FXML private Label priceLabel;
    @FXML private Label stopLabel;
    @FXML private VBox priceRow;
    @FXML private VBox stopRow;
    @FXML private Label infoLabel;
    @FXML private Button sendButton;
    @FXML private Label orderMessage;
    @FXML private Label orderStatus;
    @FXML private TextField confirmField;
    @FXML private Label confirmCurrency;

    private final WorkstationContext context;
    private final Map<TicketField, Label> errorLabels = new EnumMap<>(TicketField.class);
    private final Map<TicketField, Control> fields = new EnumMap<>(TicketField.class);
    private FilteredList<Instrument> instruments;
    private boolean attempted;
    private boolean syncingInstrument;
    private long pendingOrderId = -1;
    /** The venue's refusal of the last order sent, shown until the trader changes the ticket. */
    private Event.OrderRejected venueRejection;
    private long lastInfoRefresh;
    /** False until the first frame: the snapshot (balances, prices) is not in yet. */
    private boolean loaded;
    private String pendingStatus;
    /** The last bracket check, for its target price (the entry's check carries the rest). */
    private BracketTicket.Check bracketCheck;
    /** The bracket whose entry the status line follows, or null. */
    private DeskState.Bracket pendingBracket;
    /** Keeps a side change from mirroring the target and stop twice. */
    private boolean mirroring;

    public OrderTicketController(WorkstationContext context) {
        this.context = context;
    }

    @FXML
    private void initialize() {
        errorLabels.put(TicketField.INSTRUMENT, instrumentError);
        errorLabels.put(TicketField.ACCOUNT, accountError);
        errorLabels.put(TicketField.TYPE, typeError);
        errorLabels.put(TicketField.TIME_IN_FORCE, tifError);
        errorLabels.put(TicketField.QUANTITY, quantityError);
        errorLabels.put(TicketField.PRICE, priceError);
        errorLabels.put(TicketField.TARGET_PRICE, targetError);
        errorLabels.put(TicketField.STOP_PRICE, stopError);
        errorLabels.put(TicketField.DISPLAY_QUANTITY, displayError);
        errorLabels.put(TicketField.ORDER, orderMessage);
        fields.put(TicketField.INSTRUMENT, instrumentBox);
        fields.put(TicketField.ACCOUNT, accountBox);
        fields.put(TicketField.TYPE, typeBox);
        fields.put(TicketField.TIME_IN_FORCE, tifBox);
        fields.put(TicketField.QUANTITY, quantitySpinner);
        fields.put(TicketField.PRICE, priceSpinner);
        fields.put(TicketField.TARGET_PRICE, targetSpinner);
        fields.put(TicketField.STOP_PRICE, stopSpinner);
        fields.put(TicketField.DISPLAY_QUANTITY, displayField);
        for (Label label : errorLabels.values()) {
            reserveLine(label);
        }
        reserveLine(orderStatus);
        orderStatus.setText("");
        setUpInstrumentPicker();
        setUpSides();

        accountBox.setItems(FXCollections.observableArrayList(context.desk().accounts()));
        // The closed box names the account by its number (a narrow ticket would cut the name short); the list and
        // the tooltip name it in full.
        accountBox.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(AccountView item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Long.toString(item.accountId()));
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item.toString()));
            }
        });
        accountBox.valueProperty().bindBidirectional(context.accountProperty());
        typeBox.setItems(FXCollections.observableArrayList(OrderType.values()));
        typeBox.setConverter(enumNames());
        typeBox.setValue(OrderType.LIMIT);
        tifBox.setItems(FXCollections.observableArrayList(TimeInForce.values()));
        tifBox.setValue(TimeInForce.GTC);
        typeBox.valueProperty().addListener((obs, old, type) -> typeChanged(type));

        quantitySpinner.setValueFactory(new SteppingValueFactory(this::lot, () -> 0, this::lot));
        quantitySpinner.getValueFactory().setValue("10");
        priceSpinner.setValueFactory(new SteppingValueFactory(this::tick, this::scale, this::centre));
        stopSpinner.setValueFactory(new SteppingValueFactory(this::tick, this::scale, this::centre));
        targetSpinner.setValueFactory(new SteppingValueFactory(this::tick, this::scale, this::centre));
        confirmField.setText(Decimals.format(context.confirmAboveNotionalProperty().get(), 0));
        confirmField.textProperty().addListener((obs, old, text) -> confirmThresholdChanged(text));
        context.confirmAboveNotionalProperty().addListener((obs, old, value) -> {
            if (!(Decimals.parseWhole(confirmField.getText()) instanceof Decimals.Parsed.Value v
                    && v.units() == value.longValue())) {
                confirmField.setText(Decimals.format(value.longValue(), 0));
            }
        });

        for (Node input : new Node[]{quantitySpinner.getEditor(), priceSpinner.getEditor(), stopSpinner.getEditor(),
                targetSpinner.getEditor(), displayField}) {
            ((TextField) input).textProperty().addListener((obs, old, text) -> edited());
        }
        accountBox.valueProperty().addListener((obs, old, value) -> edited());
        tifBox.valueProperty().addListener((obs, old, value) -> edited());
        postOnlyBox.selectedProperty().addListener((obs, old, value) -> edited());
        ocoBox.selectedProperty().addListener((obs, old, oco) -> ocoChanged(oco));
        bracketBox.selectedProperty().addListener((obs, old, bracket) -> bracketChanged(bracket));
        bracketSummary.setManaged(false);
        bracketSummary.setVisible(false);
        context.desk().onRejection(this::rejected);
        context.frames().addListener(this::onFrame);

        instrumentChanged(context.instrument());
        typeChanged(typeBox.getValue());
    }

    // ---- Actions ----------------------------------------------------------------------------------

    /** Sends the ticket as it stands (the send button, Enter, or the buy/sell hotkeys after setting a side). */
    @FXML
    public void send() {
        if (!loaded) {
            orderMessage.getStyleClass().setAll("order-error");
            orderMessage.setText("Not sent: balances and prices are still loading");
            return;
        }
        attempted = true;
        TicketCheck check = revalidate();
        if (!check.isValid()) {
            orderMessage.setText("Nothing was sent: correct the marked fields");
            return;
        }
        Instrument instrument = check.draft().instrument();
        long threshold = FixedPoint.fromWhole(context.confirmAboveNotionalProperty().get(),
                check.draft().currencyDigits());
        if (check.notionalMinor() > threshold && !context.confirm(confirmation(check))) {
            orderMessage.setText("Not sent: confirmation declined");
            return;
        }
        long orderId = bracketBox.isSelected()
                ? context.entry().placeBracket(check.draft().accountId(), instrument, check.draft().side(),
                check.draft().timeInForce(), check.quantity(), check.price(), bracketCheck.targetPrice(),
                check.stopPrice())
                : ocoBox.isSelected()
                ? context.entry().placeOco(check.draft().accountId(), instrument, check.draft().side(),
                check.draft().timeInForce(), check.quantity(), check.price(), check.stopPrice())
                : context.entry().place(check);
        if (orderId < 0) {
            orderMessage.setText("Not sent: the venue is not taking orders right now");
            return;
        }
        pendingOrderId = orderId;
        pendingStatus = null;
        pendingBracket = bracketBox.isSelected() ? context.desk().bracketOf(check.draft().accountId(), orderId)
                : null;
        attempted = false;
        venueRejection = null;
        orderMessage.setText("");
        orderStatus.setText("Sent: " + describe(check) + " (order " + orderId + ")");
    }

    /** The question for an order above the threshold: a bracket's and an OCO exit's name both of their exits. */
    private OrderConfirmation confirmation(TicketCheck check) {
        return bracketBox.isSelected() ? OrderConfirmation.ofBracket(bracketCheck)
                : ocoBox.isSelected() ? OrderConfirmation.ofOco(check)
                : OrderConfirmation.of(check);
    }

    /** "Sell 10 AIR @ 159.80 stop 160.00": the order as the send button and the status line name it. */
    private String describe(TicketCheck check) {
        Instrument i = check.draft().instrument();
        OrderType type = check.draft().type();
        if (ocoBox.isSelected()) {
            return describeOco(check);
        }
        if (bracketBox.isSelected()) {
            return describeBracket(check);
        }
        StringBuilder text = new StringBuilder(check.draft().side() == Side.BUY ? "Buy" : "Sell");
        if (check.quantity() > 0) {
            text.append(' ').append(Decimals.format(check.quantity(), 0));
        }
        if (i == null) {
            return text.toString();
        }
        text.append(' ').append(i.symbol());
        if (type == OrderType.MARKET) {
            text.append(" at market");
        } else if (type != null && type.hasLimitPrice() && check.price() > 0) {
            text.append(" @ ").append(Decimals.format(check.price(), i.priceScale()));
        }
        if (type != null && type.isStop() && check.stopPrice() > 0) {
            text.append(type == OrderType.STOP ? " at market on stop " : " stop ")
                    .append(Decimals.format(check.stopPrice(), i.priceScale()));
        }
        return text.toString();
    }

    /** "OCO sell 10 AIR target 165.00 stop 159.00": the pair as the send button and the status line name it. */
    private String describeOco(TicketCheck check) {
        Instrument i = check.draft().instrument();
        StringBuilder text = new StringBuilder("OCO ").append(check.draft().side() == Side.BUY ? "buy" : "sell");
        if (check.quantity() > 0) {
            text.append(' ').append(Decimals.format(check.quantity(), 0));
        }
        if (i != null) {
            text.append(' ').append(i.symbol());
            if (check.price() > 0) {
                text.append(" target ").append(Decimals.format(check.price(), i.priceScale()));
            }
            if (check.stopPrice() > 0) {
                text.append(" stop ").append(Decimals.format(check.stopPrice(), i.priceScale()));
            }
        }
        return text.toString();
    }

    /** "Buy 100 ASML @ 101.50, target 103.00, stop 100.00": a bracket as the send button and status line name it. */
    private String describeBracket(TicketCheck check) {
        Instrument i = check.draft().instrument();
        StringBuilder text = new StringBuilder(check.draft().side() == Side.SELL ? "Sell" : "Buy");
        if (check.quantity() > 0) {
            text.append(' ').append(Decimals.format(check.quantity(), 0));
        }
        if (i != null) {
            text.append(' ').append(i.symbol());
            if (check.price() > 0) {
                text.append(" @ ").append(Decimals.format(check.price(), i.priceScale()));
            }
            if (bracketCheck != null && bracketCheck.targetPrice() > 0) {
                text.append(", target ").append(Decimals.format(bracketCheck.targetPrice(), i.priceScale()));
            }
            if (check.stopPrice() > 0) {
                text.append(", stop ").append(Decimals.format(check.stopPrice(), i.priceScale()));
            }
        }
        return text.toString();
    }

    /**
     * Bracket on: the limit price is the entry, the target and stop rows show (filled in ten ticks either side of
     * the entry when empty); the type is a limit, iceberg and post-only do not apply, the time in force rests.
     * Off: the ticket as it was.
     */
    private void bracketChanged(boolean bracket) {
        if (bracket) {
            ocoBox.setSelected(false);
            typeBox.setValue(OrderType.LIMIT);
            if (tifBox.getValue() != TimeInForce.DAY) {
                tifBox.setValue(TimeInForce.GTC);
            }
            postOnlyBox.setSelected(false);
            displayField.clear();
            prefillBracketLegs();
        }
        typeBox.setDisable(bracket || ocoBox.isSelected());
        postOnlyBox.setDisable(bracket || ocoBox.isSelected());
        displayField.setDisable(bracket || ocoBox.isSelected());
        if (!ocoBox.isSelected()) {
            priceLabel.setText(bracket ? "Entry" : "Limit price");
            stopLabel.setText(bracket ? "Stop" : "Stop price");
        }
        bracketSummary.setManaged(bracket);
        bracketSummary.setVisible(bracket);
        showIcebergLine();
        typeChanged(typeBox.getValue());
    }

    /** A bracket's target and stop ten ticks either side of the entry (the market when no entry reads). */
    private void prefillBracketLegs() {
        long entry = Decimals.parse(priceSpinner.getEditor().getText(), scale()) instanceof Decimals.Parsed.Value v
                && v.units() > 0 ? v.units() : centre();
        long away = 10 * tick() * (side() == Side.SELL ? -1 : 1);
        if (entry > 0) {
            targetSpinner.getValueFactory().setValue(Decimals.plain(entry + away, scale()));
            stopSpinner.getValueFactory().setValue(Decimals.plain(Math.max(0, entry - away), scale()));
        }
    }

    /**
     * A bracket's side changed: its target and stop change sides of the entry with it, as far from it as they were
     * (a buy's target ten ticks above becomes a sell's ten ticks below).
     */
    private void mirrorBracket() {
        if (!bracketBox.isSelected() || mirroring) {
            return;
        }
        int s = scale();
        if (Decimals.parse(priceSpinner.getEditor().getText(), s) instanceof Decimals.Parsed.Value entry
                && Decimals.parse(targetSpinner.getEditor().getText(), s) instanceof Decimals.Parsed.Value target
                && Decimals.parse(stopSpinner.getEditor().getText(), s) instanceof Decimals.Parsed.Value stop) {
            mirroring = true;
            try {
                targetSpinner.getValueFactory().setValue(Decimals.plain(
                        Math.max(0, 2 * entry.units() - target.units()), s));
                stopSpinner.getValueFactory().setValue(Decimals.plain(Math.max(0, 2 * entry.units() - stop.units()), s));
            } finally {
                mirroring = false;
            }
        }
    }

    /**
     * An OCO exit or a bracket is never an iceberg: its line goes (the ticket is taller with their rows) and the
     * options' label names what is left.
     */
    private void showIcebergLine() {
        boolean linked = ocoBox.isSelected() || bracketBox.isSelected();
        icebergLine.setVisible(!linked);
        icebergLine.setManaged(!linked);
        optionsLabel.setText(linked ? "Exits" : "Iceberg show");
    }

    /** Is the ticket a bracket (tests and the status line)? */
    public boolean isBracket() {
        return bracketBox.isSelected();
    }

    public void setBracket(boolean bracket) {
        bracketBox.setSelected(bracket);
    }

    /**
     * OCO exit on: the order is a limit target and a stop (the type is fixed, the stop price row shows, iceberg and
     * post-only do not apply); off: the ticket as it was.
     */
    private void ocoChanged(boolean oco) {
        if (oco) {
            bracketBox.setSelected(false);
            typeBox.setValue(OrderType.LIMIT);
            if (tifBox.getValue() != TimeInForce.DAY) {
                tifBox.setValue(TimeInForce.GTC);
            }
            postOnlyBox.setSelected(false);
            displayField.clear();
        }
        typeBox.setDisable(oco);
        postOnlyBox.setDisable(oco);
        displayField.setDisable(oco);
        priceLabel.setText(oco ? "Target" : "Limit price");
        stopLabel.setText(oco ? "Stop (OCO)" : "Stop price");
        showIcebergLine();
        stopRow.setVisible(true);
        stopRow.setManaged(true);
        stopLabel.setVisible(true);
        stopLabel.setManaged(true);
        typeChanged(typeBox.getValue());
    }

    /** Is the ticket an OCO exit (tests and the status line)? */
    public boolean isOco() {
        return ocoBox.isSelected();
    }

    public void setOco(boolean oco) {
        ocoBox.setSelected(oco);
    }

    /** A message line whose height is always kept, so nothing below it moves when a message comes or goes. */
    private static void reserveLine(Label label) {
        label.setMinHeight(16);
        label.setPrefHeight(16);
        // the theme wraps field errors; capped, a long message stays one line (its tooltip has the rest)
        label.setMaxHeight(16);
        label.setWrapText(false);
        label.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        label.tooltipProperty().bind(label.textProperty().map(t -> t.isEmpty() ? null
                : new javafx.scene.control.Tooltip(t)));
    }

    /** The buy or sell hotkey: choose the side and send. */
    public void sendAs(Side side) {
        (side == Side.BUY ? buyToggle : sellToggle).setSelected(true);
        send();
    }

    /** Moves the keyboard to the quantity field, ready to type. */
    public void focus() {
        quantitySpinner.getEditor().requestFocus();
        quantitySpinner.getEditor().selectAll();
    }

    public Node root() {
        return root;
    }

    // ---- Validation -------------------------------------------------------------------------------

    /** The trader changed something: an earlier refusal by the venue no longer applies. */
    private void edited() {
        if (venueRejection != null) {
            venueRejection = null;
            orderMessage.setText("");
        }
        revalidate();
    }

    private TicketCheck revalidate() {
        TicketCheck check;
        if (bracketBox.isSelected()) {
            bracketCheck = BracketTicket.check(draft(), targetSpinner.getEditor().getText());
            check = bracketCheck.entry();
            bracketSummary.setText(bracketCheck.summary());
        } else {
            bracketCheck = null;
            check = ocoBox.isSelected() ? com.bourse.ui.model.OcoTicket.check(draft()) : TicketValidator.check(draft());
        }
        if (!loaded) {
            // Before the first snapshot every balance reads zero: judging the ticket now would only alarm.
            updateSendButton(check);
            return check;
        }
        TicketField rejectedField = venueRejection == null ? null : TicketField.of(venueRejection.reason());
        for (Map.Entry<TicketField, Label> e : errorLabels.entrySet()) {
            if (e.getKey() == TicketField.ORDER) {
                continue;
            }
            String message = check.errorAt(e.getKey());
            if (message == null && e.getKey() == rejectedField) {
                message = venueRejection.reason().description();
            }
            boolean show = message != null && (attempted || touched(e.getKey()) || e.getKey() == rejectedField);
            e.getValue().setText(show ? message : "");
            Control control = fields.get(e.getKey());
            if (control != null) {
                control.getStyleClass().remove("invalid");
                if (show) {
                    control.getStyleClass().add("invalid");
                }
            }
        }
        if (venueRejection != null) {
            orderMessage.getStyleClass().setAll("order-error");
            orderMessage.setText("Rejected by the venue: " + venueRejection.reason().description());
        } else {
            if (check.isValid() && orderMessage.getStyleClass().contains("order-error")) {
                orderMessage.setText("");
            }
            orderMessage.getStyleClass().setAll(check.isValid() ? "order-info" : "order-error");
        }
        updateSendButton(check);
        updateInfo(check);
        return check;
    }

    private TicketDraft draft() {
        Instrument instrument = context.instrument();
        AccountView account = accountBox.getValue();
        int digits = instrument == null ? 2 : context.desk().digits(instrument.currency());
        long cash = instrument == null || account == null ? 0
                : context.desk().availableCash(account.accountId(), instrument.currency());
        long position = instrument == null || account == null ? 0
                : context.desk().availablePosition(account.accountId(), instrument.symbol());
        long last = instrument == null ? 0 : context.desk().markPrice(instrument);
        return new TicketDraft(instrument, account == null ? null : account.accountId(), side(), typeBox.getValue(),
                tifBox.getValue(), quantitySpinner.getEditor().getText(), priceSpinner.getEditor().getText(),
                stopSpinner.getEditor().getText(), displayField.getText(), postOnlyBox.isSelected(), digits,
                account == null ? null : account.limits(), cash, position, last);
    }

    private boolean touched(TicketField field) {
        return switch (field) {
            case QUANTITY -> !quantitySpinner.getEditor().getText().isBlank();
            case PRICE -> !priceSpinner.getEditor().getText().isBlank();
            case STOP_PRICE -> !stopSpinner.getEditor().getText().isBlank();
            case TARGET_PRICE -> !targetSpinner.getEditor().getText().isBlank();
            case DISPLAY_QUANTITY -> !displayField.getText().isBlank();
            default -> true;
        };
    }

    private void rejected(Event.OrderRejected rejection) {
        if (rejection.orderId() != pendingOrderId) {
            return;
        }
        venueRejection = rejection;
        orderStatus.setText("");
        revalidate();
    }

    /** The status line follows the order last sent: working, waiting for its stop, held, done. */
    private void followPending() {
        if (pendingOrderId < 0 || venueRejection != null) {
            return;
        }
        String status = null;
        for (com.bourse.ui.model.OrderRow row : context.desk().workingOrders()) {
            if (row.orderId() == pendingOrderId) {
                status = row.status();
                break;
            }
        }
        if (status == null && pendingBracket != null) {
            long legs = context.desk().workingOrders().stream().filter(r -> r.accountId() == pendingBracket.accountId()
                    && (r.orderId() == pendingBracket.targetId() || r.orderId() == pendingBracket.stopId())).count();
            if (legs == 2) {
                orderStatus.setText("Entry filled: its target and stop are working");
                pendingStatus = null;
                pendingOrderId = -1;
                pendingBracket = null;
                return;
            }
        }
        if (status == null) {
            if (pendingStatus != null) {
                orderStatus.setText("Order " + pendingOrderId + " is no longer working (filled, cancelled or expired)");
                pendingStatus = null;
                pendingOrderId = -1;
            }
            return;
        }
        if (status.equals(pendingStatus)) {
            return;
        }
        pendingStatus = status;
        orderStatus.setText("Order " + pendingOrderId + switch (status) {
            case "HELD" -> " is held for a risk officer";
            case "STOP_WAITING" -> " is waiting for its stop price";
            case "TRIGGERED" -> " was triggered";
            default -> " is working";
        });
    }

    // ---- Keeping the controls in step ------------------------------------------------------------------

    private void setUpInstrumentPicker() {
        instruments = new FilteredList<>(FXCollections.observableArrayList(context.desk().instruments()));
        instrumentBox.setItems(instruments);
        instrumentBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Instrument i) {
                return i == null ? "" : i.symbol() + "  ·  " + i.currency();
            }

            @Override
            public Instrument fromString(String text) {
                return find(text);
            }
        });
        instrumentBox.getEditor().textProperty().addListener((obs, old, text) -> {
            if (syncingInstrument) {
                return;
            }
            String converted = instrumentBox.getConverter().toString(instrumentBox.getValue());
            if (text.equals(converted)) {
                instruments.setPredicate(null);
                return;
            }
            String query = text.strip().toUpperCase(Locale.ROOT);
            instruments.setPredicate(i -> query.isEmpty() || i.symbol().toUpperCase(Locale.ROOT).contains(query)
                    || i.currency().equalsIgnoreCase(query));
            if (instrumentBox.getEditor().isFocused() && !instrumentBox.isShowing() && !instruments.isEmpty()) {
                instrumentBox.show();
            }
        });
        instrumentBox.valueProperty().addListener((obs, old, value) -> {
            if (value != null && value != context.instrument()) {
                context.instrumentProperty().set(value);
            }
        });
        context.instrumentProperty().addListener((obs, old, value) -> instrumentChanged(value));
    }

    private Instrument find(String text) {
        String query = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (query.isEmpty()) {
            return null;
        }
        String symbol = query.split("[\\s·]+")[0];
        for (Instrument i : context.desk().instruments()) {
            if (i.symbol().equalsIgnoreCase(symbol)) {
                return i;
            }
        }
        for (Instrument i : context.desk().instruments()) {
            if (i.symbol().startsWith(symbol)) {
                return i;
            }
        }
        return null;
    }

    private void instrumentChanged(Instrument instrument) {
        syncingInstrument = true;
        try {
            instruments.setPredicate(null);
            instrumentBox.setValue(instrument);
        } finally {
            syncingInstrument = false;
        }
        if (instrument != null) {
            priceSpinner.getValueFactory().setValue(Decimals.plain(centre(), instrument.priceScale()));
            stopSpinner.getValueFactory().setValue("");
            targetSpinner.getValueFactory().setValue("");
            if (bracketBox.isSelected()) {
                prefillBracketLegs(); // the last instrument's prices mean nothing here
            }
            confirmCurrency.setText(instrument.currency());
        }
        revalidate();
    }

    private void setUpSides() {
        ToggleGroup sides = new ToggleGroup();
        buyToggle.setToggleGroup(sides);
        sellToggle.setToggleGroup(sides);
        for (ToggleButton toggle : new ToggleButton[]{buyToggle, sellToggle}) {
            // A side is always chosen: clicking the chosen one again must not leave none.
            toggle.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
                if (toggle.isSelected()) {
                    e.consume();
                }
            });
        }
        sides.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
                return;
            }
            if (old != null) {
                mirrorBracket();
            }
            revalidate();
        });
    }

    private void typeChanged(OrderType type) {
        if (type == null) {
            return;
        }
        TimeInForce tif = tifBox.getValue();
        boolean rests = tif == TimeInForce.GTC || tif == TimeInForce.DAY;
        if (type == OrderType.MARKET && rests) {
            tifBox.setValue(TimeInForce.IOC);
        } else if (type.isStop() && !rests) {
            tifBox.setValue(TimeInForce.GTC);
        }
        boolean priced = type.hasLimitPrice();
        priceRow.setVisible(priced);
        priceRow.setManaged(priced);
        priceLabel.setVisible(priced);
        priceLabel.setManaged(priced);
        boolean bracket = bracketBox.isSelected();
        targetRow.setVisible(bracket);
        targetRow.setManaged(bracket);
        targetLabel.setVisible(bracket);
        targetLabel.setManaged(bracket);
        boolean stop = type.isStop() || ocoBox.isSelected() || bracket;
        stopRow.setVisible(stop);
        stopRow.setManaged(stop);
        stopLabel.setVisible(stop);
        stopLabel.setManaged(stop);
        if (stop && stopSpinner.getEditor().getText().isBlank() && context.instrument() != null) {
            stopSpinner.getValueFactory().setValue(Decimals.plain(centre(), scale()));
        }
        revalidate();
    }

    private void confirmThresholdChanged(String text) {
        confirmField.getStyleClass().remove("invalid");
        switch (Decimals.parseWhole(text)) {
            case Decimals.Parsed.Value v when v.units() >= 0 -> context.confirmAboveNotionalProperty().set(v.units());
            default -> confirmField.getStyleClass().add("invalid");
        }
    }

    private void updateSendButton(TicketCheck check) {
        Side side = side();
        sendButton.getStyleClass().removeAll("buy", "sell");
        sendButton.getStyleClass().add(side == Side.BUY ? "buy" : "sell");
        sendButton.setText(describe(check));
    }

    private void updateInfo(TicketCheck check) {
        Instrument i = context.instrument();
        if (i == null) {
            infoLabel.setText("");
            return;
        }
        int s = i.priceScale();
        DepthBook book = context.desk().book(i.id());
        StringBuilder info = new StringBuilder();
        info.append("Tick ").append(Decimals.plain(i.tickSize(), s)).append("  Lot ").append(i.lotSize())
                .append("  Band ").append(Decimals.format(i.lowestPrice(), s)).append("–")
                .append(Decimals.format(i.highestPrice(), s));
        info.append("\nBid ").append(book.bestBid() > 0 ? Decimals.format(book.bestBid(), s) : "—")
                .append("  Ask ").append(book.bestAsk() > 0 ? Decimals.format(book.bestAsk(), s) : "—");
        if (check.notionalMinor() > 0) {
            int digits = context.desk().digits(i.currency());
            info.append("  Value ").append(Decimals.format(check.notionalMinor(), digits)).append(' ')
                    .append(i.currency());
        }
        infoLabel.setText(info.toString());
    }

    private void onFrame(long now) {
        if (!loaded) {
            loaded = true; // frames run only once the snapshot with the balances is in
            lastInfoRefresh = now;
            revalidate();
        }
        followPending();
        if (now - lastInfoRefresh > 500_000_000L) {
            // Cash, positions and the touch move under the ticket: re-check twice a second.
            lastInfoRefresh = now;
            revalidate();
        }
    }

    private Side side() {
        return sellToggle.isSelected() ? Side.SELL : Side.BUY;
    }

    private long lot() {
        Instrument i = context.instrument();
        return i == null ? 1 : i.lotSize();
    }

    private long tick() {
        Instrument i = context.instrument();
        return i == null ? 1 : i.tickSize();
    }

    private int scale() {
        Instrument i = context.instrument();
        return i == null ? 2 : i.priceScale();
    }

    private long centre() {
        Instrument i = context.instrument();
        return i == null ? 0 : context.desk().book(i.id()).centrePrice();
    }

    private static <E extends Enum<E>> StringConverter<E> enumNames() {
        return new StringConverter<>() {
            @Override
            public String toString(E value) {
                if (value == null) {
                    return "";
                }
                String name = value.name().replace('_', '-').toLowerCase(Locale.ROOT);
                return Character.toUpperCase(name.charAt(0)) + name.substring(1);
            }

            @Override
            public E fromString(String text) {
                return null;
            }
        };
    }
}
