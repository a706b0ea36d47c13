# Automatically generated - do not edit.
# Source: forms/agenda_settings_dialog.ui (sha256 2ce380ad77f2f1cd1809bae0e5a31297055472b34045ee92d0fd0688b950b2e1)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agenda_settings_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QTabWidget, QTableView, QVBoxLayout, QWidget)

class Ui_AgendaSettingsDialog(object):
    def setupUi(self, AgendaSettingsDialog):
        if not AgendaSettingsDialog.objectName():
            AgendaSettingsDialog.setObjectName(u"AgendaSettingsDialog")
        AgendaSettingsDialog.resize(720, 560)
        AgendaSettingsDialog.setMinimumSize(QSize(680, 0))
        self.mainLayout = QVBoxLayout(AgendaSettingsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.tabs = QTabWidget(AgendaSettingsDialog)
        self.tabs.setObjectName(u"tabs")
        self.standingTab = QWidget()
        self.standingTab.setObjectName(u"standingTab")
        self.standingLayout = QVBoxLayout(self.standingTab)
        self.standingLayout.setObjectName(u"standingLayout")
        self.standingIntro = QLabel(self.standingTab)
        self.standingIntro.setObjectName(u"standingIntro")
        self.standingIntro.setWordWrap(True)

        self.standingLayout.addWidget(self.standingIntro)

        self.standingTable = QTableView(self.standingTab)
        self.standingTable.setObjectName(u"standingTable")

        self.standingLayout.addWidget(self.standingTable)

        self.standingButtons = QHBoxLayout()
        self.standingButtons.setObjectName(u"standingButtons")
        self.addStandingButton = QPushButton(self.standingTab)
        self.addStandingButton.setObjectName(u"addStandingButton")

        self.standingButtons.addWidget(self.addStandingButton)

        self.removeStandingButton = QPushButton(self.standingTab)
        self.removeStandingButton.setObjectName(u"removeStandingButton")

        self.standingButtons.addWidget(self.removeStandingButton)

        self.upStandingButton = QPushButton(self.standingTab)
        self.upStandingButton.setObjectName(u"upStandingButton")

        self.standingButtons.addWidget(self.upStandingButton)

        self.downStandingButton = QPushButton(self.standingTab)
        self.downStandingButton.setObjectName(u"downStandingButton")

        self.standingButtons.addWidget(self.downStandingButton)

        self.resetStandingButton = QPushButton(self.standingTab)
        self.resetStandingButton.setObjectName(u"resetStandingButton")

        self.standingButtons.addWidget(self.resetStandingButton)

        self.standingButtonsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.standingButtons.addItem(self.standingButtonsSpacer)


        self.standingLayout.addLayout(self.standingButtons)

        self.tabs.addTab(self.standingTab, "")
        self.papersTab = QWidget()
        self.papersTab.setObjectName(u"papersTab")
        self.papersForm = QFormLayout(self.papersTab)
        self.papersForm.setObjectName(u"papersForm")
        self.papersForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.deadlineDaysLabel = QLabel(self.papersTab)
        self.deadlineDaysLabel.setObjectName(u"deadlineDaysLabel")

        self.papersForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.deadlineDaysLabel)

        self.deadlineDaysSpin = QSpinBox(self.papersTab)
        self.deadlineDaysSpin.setObjectName(u"deadlineDaysSpin")
        self.deadlineDaysSpin.setMaximum(60)

        self.papersForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.deadlineDaysSpin)

        self.sizeLimitLabel = QLabel(self.papersTab)
        self.sizeLimitLabel.setObjectName(u"sizeLimitLabel")

        self.papersForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.sizeLimitLabel)

        self.sizeLimitSpin = QSpinBox(self.papersTab)
        self.sizeLimitSpin.setObjectName(u"sizeLimitSpin")
        self.sizeLimitSpin.setMinimum(1)
        self.sizeLimitSpin.setMaximum(500)

        self.papersForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.sizeLimitSpin)

        self.prioritiesLabel = QLabel(self.papersTab)
        self.prioritiesLabel.setObjectName(u"prioritiesLabel")

        self.papersForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.prioritiesLabel)

        self.prioritiesEdit = QPlainTextEdit(self.papersTab)
        self.prioritiesEdit.setObjectName(u"prioritiesEdit")
        self.prioritiesEdit.setTabChangesFocus(True)

        self.papersForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.prioritiesEdit)

        self.wordAgendaGroup = QGroupBox(self.papersTab)
        self.wordAgendaGroup.setObjectName(u"wordAgendaGroup")
        self.wordAgendaLayout = QHBoxLayout(self.wordAgendaGroup)
        self.wordAgendaLayout.setObjectName(u"wordAgendaLayout")
        self.houseTemplateLabel = QLabel(self.wordAgendaGroup)
        self.houseTemplateLabel.setObjectName(u"houseTemplateLabel")

        self.wordAgendaLayout.addWidget(self.houseTemplateLabel)

        self.houseTemplateName = QLabel(self.wordAgendaGroup)
        self.houseTemplateName.setObjectName(u"houseTemplateName")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.houseTemplateName.sizePolicy().hasHeightForWidth())
        self.houseTemplateName.setSizePolicy(sizePolicy)
        self.houseTemplateName.setWordWrap(True)
        self.houseTemplateName.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.wordAgendaLayout.addWidget(self.houseTemplateName)

        self.chooseTemplateButton = QPushButton(self.wordAgendaGroup)
        self.chooseTemplateButton.setObjectName(u"chooseTemplateButton")

        self.wordAgendaLayout.addWidget(self.chooseTemplateButton)

        self.removeTemplateButton = QPushButton(self.wordAgendaGroup)
        self.removeTemplateButton.setObjectName(u"removeTemplateButton")

        self.wordAgendaLayout.addWidget(self.removeTemplateButton)


        self.papersForm.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.wordAgendaGroup)

        self.tabs.addTab(self.papersTab, "")
        self.emailsTab = QWidget()
        self.emailsTab.setObjectName(u"emailsTab")
        self.emailsForm = QFormLayout(self.emailsTab)
        self.emailsForm.setObjectName(u"emailsForm")
        self.emailsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.templateLabel = QLabel(self.emailsTab)
        self.templateLabel.setObjectName(u"templateLabel")

        self.emailsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.templateLabel)

        self.templateCombo = QComboBox(self.emailsTab)
        self.templateCombo.setObjectName(u"templateCombo")

        self.emailsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.templateCombo)

        self.subjectLabel = QLabel(self.emailsTab)
        self.subjectLabel.setObjectName(u"subjectLabel")

        self.emailsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.subjectLabel)

        self.subjectEdit = QLineEdit(self.emailsTab)
        self.subjectEdit.setObjectName(u"subjectEdit")

        self.emailsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.subjectEdit)

        self.bodyLabel = QLabel(self.emailsTab)
        self.bodyLabel.setObjectName(u"bodyLabel")

        self.emailsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.bodyLabel)

        self.bodyEdit = QPlainTextEdit(self.emailsTab)
        self.bodyEdit.setObjectName(u"bodyEdit")
        self.bodyEdit.setTabChangesFocus(True)

        self.emailsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.bodyEdit)

        self.placeholdersLabel = QLabel(self.emailsTab)
        self.placeholdersLabel.setObjectName(u"placeholdersLabel")
        self.placeholdersLabel.setWordWrap(True)
        self.placeholdersLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.emailsForm.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.placeholdersLabel)

        self.templateButtons = QHBoxLayout()
        self.templateButtons.setObjectName(u"templateButtons")
        self.resetTemplateButton = QPushButton(self.emailsTab)
        self.resetTemplateButton.setObjectName(u"resetTemplateButton")

        self.templateButtons.addWidget(self.resetTemplateButton)

        self.templateButtonsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.templateButtons.addItem(self.templateButtonsSpacer)


        self.emailsForm.setLayout(4, QFormLayout.ItemRole.SpanningRole, self.templateButtons)

        self.tabs.addTab(self.emailsTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.errorLabel = QLabel(AgendaSettingsDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AgendaSettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.deadlineDaysLabel.setBuddy(self.deadlineDaysSpin)
        self.sizeLimitLabel.setBuddy(self.sizeLimitSpin)
        self.prioritiesLabel.setBuddy(self.prioritiesEdit)
        self.templateLabel.setBuddy(self.templateCombo)
        self.subjectLabel.setBuddy(self.subjectEdit)
        self.bodyLabel.setBuddy(self.bodyEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AgendaSettingsDialog)
        self.buttonBox.accepted.connect(AgendaSettingsDialog.accept)
        self.buttonBox.rejected.connect(AgendaSettingsDialog.reject)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(AgendaSettingsDialog)
    # setupUi

    def retranslateUi(self, AgendaSettingsDialog):
        AgendaSettingsDialog.setWindowTitle(QCoreApplication.translate("AgendaSettingsDialog", u"Agenda & papers settings", None))
        self.standingIntro.setText(QCoreApplication.translate("AgendaSettingsDialog", u"The items every new meeting's agenda starts with (Agenda \u203a Apply standing agenda). Double-click a cell to change it.", None))
        self.addStandingButton.setText(QCoreApplication.translate("AgendaSettingsDialog", u"&Add", None))
        self.removeStandingButton.setText(QCoreApplication.translate("AgendaSettingsDialog", u"&Remove", None))
        self.upStandingButton.setText(QCoreApplication.translate("AgendaSettingsDialog", u"Move &up", None))
        self.downStandingButton.setText(QCoreApplication.translate("AgendaSettingsDialog", u"Move do&wn", None))
        self.resetStandingButton.setText(QCoreApplication.translate("AgendaSettingsDialog", u"Back to the &default", None))
        self.tabs.setTabText(self.tabs.indexOf(self.standingTab), QCoreApplication.translate("AgendaSettingsDialog", u"Standing agenda", None))
        self.deadlineDaysLabel.setText(QCoreApplication.translate("AgendaSettingsDialog", u"Paper &deadline:", None))
        self.deadlineDaysSpin.setSuffix(QCoreApplication.translate("AgendaSettingsDialog", u" working days before the meeting", None))
        self.sizeLimitLabel.setText(QCoreApplication.translate("AgendaSettingsDialog", u"Email &size limit:", None))
        self.sizeLimitSpin.setSuffix(QCoreApplication.translate("AgendaSettingsDialog", u" MB", None))
#if QT_CONFIG(tooltip)
        self.sizeLimitSpin.setToolTip(QCoreApplication.translate("AgendaSettingsDialog", u"Warn when a circulation email would be larger than this", None))
#endif // QT_CONFIG(tooltip)
        self.prioritiesLabel.setText(QCoreApplication.translate("AgendaSettingsDialog", u"Partnership &priorities:", None))
        self.prioritiesEdit.setPlaceholderText(QCoreApplication.translate("AgendaSettingsDialog", u"One a line, e.g. Neglect", None))
        self.wordAgendaGroup.setTitle(QCoreApplication.translate("AgendaSettingsDialog", u"Word agenda", None))
#if QT_CONFIG(tooltip)
        self.wordAgendaGroup.setToolTip(QCoreApplication.translate("AgendaSettingsDialog", u"A Word document or template (.docx or .dotx) whose styles, header (logo) and footer the Word agenda is written in", None))
#endif // QT_CONFIG(tooltip)
        self.houseTemplateLabel.setText(QCoreApplication.translate("AgendaSettingsDialog", u"House template:", None))
        self.houseTemplateName.setText(QCoreApplication.translate("AgendaSettingsDialog", u"None \u2014 the program's own style", None))
        self.chooseTemplateButton.setText(QCoreApplication.translate("AgendaSettingsDialog", u"&Choose\u2026", None))
#if QT_CONFIG(tooltip)
        self.chooseTemplateButton.setToolTip(QCoreApplication.translate("AgendaSettingsDialog", u"Choose the house template (.docx or .dotx); it is kept in the database when you press Save", None))
#endif // QT_CONFIG(tooltip)
        self.removeTemplateButton.setText(QCoreApplication.translate("AgendaSettingsDialog", u"Remo&ve", None))
#if QT_CONFIG(tooltip)
        self.removeTemplateButton.setToolTip(QCoreApplication.translate("AgendaSettingsDialog", u"Write the Word agenda in the program's own style", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.papersTab), QCoreApplication.translate("AgendaSettingsDialog", u"Papers", None))
        self.templateLabel.setText(QCoreApplication.translate("AgendaSettingsDialog", u"&Email:", None))
        self.subjectLabel.setText(QCoreApplication.translate("AgendaSettingsDialog", u"Su&bject:", None))
        self.bodyLabel.setText(QCoreApplication.translate("AgendaSettingsDialog", u"&Message:", None))
        self.placeholdersLabel.setText("")
        self.resetTemplateButton.setText(QCoreApplication.translate("AgendaSettingsDialog", u"Back to the de&fault wording", None))
        self.tabs.setTabText(self.tabs.indexOf(self.emailsTab), QCoreApplication.translate("AgendaSettingsDialog", u"Emails", None))
        self.errorLabel.setText("")
    # retranslateUi

