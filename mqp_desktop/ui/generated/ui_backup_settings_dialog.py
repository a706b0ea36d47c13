# Automatically generated - do not edit.
# Source: forms/backup_settings_dialog.ui (sha256 49962463826448d3bb01d7f0a8ab32cc99767b816400c141ea5ce51aa19e94a3)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'backup_settings_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_BackupSettingsDialog(object):
    def setupUi(self, BackupSettingsDialog):
        if not BackupSettingsDialog.objectName():
            BackupSettingsDialog.setObjectName(u"BackupSettingsDialog")
        BackupSettingsDialog.resize(620, 300)
        BackupSettingsDialog.setMinimumSize(QSize(480, 0))
        self.mainLayout = QVBoxLayout(BackupSettingsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.explanationLabel = QLabel(BackupSettingsDialog)
        self.explanationLabel.setObjectName(u"explanationLabel")
        self.explanationLabel.setWordWrap(True)
        self.explanationLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.explanationLabel)

        self.settingsForm = QFormLayout()
        self.settingsForm.setObjectName(u"settingsForm")
        self.settingsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.folderLabel = QLabel(BackupSettingsDialog)
        self.folderLabel.setObjectName(u"folderLabel")

        self.settingsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.folderLabel)

        self.folderRow = QHBoxLayout()
        self.folderRow.setObjectName(u"folderRow")
        self.folderEdit = QLineEdit(BackupSettingsDialog)
        self.folderEdit.setObjectName(u"folderEdit")

        self.folderRow.addWidget(self.folderEdit)

        self.browseButton = QPushButton(BackupSettingsDialog)
        self.browseButton.setObjectName(u"browseButton")
        self.browseButton.setAutoDefault(False)

        self.folderRow.addWidget(self.browseButton)

        self.defaultButton = QPushButton(BackupSettingsDialog)
        self.defaultButton.setObjectName(u"defaultButton")
        self.defaultButton.setAutoDefault(False)

        self.folderRow.addWidget(self.defaultButton)


        self.settingsForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.folderRow)

        self.dailyLabel = QLabel(BackupSettingsDialog)
        self.dailyLabel.setObjectName(u"dailyLabel")

        self.settingsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dailyLabel)

        self.dailyRow = QHBoxLayout()
        self.dailyRow.setObjectName(u"dailyRow")
        self.dailySpin = QSpinBox(BackupSettingsDialog)
        self.dailySpin.setObjectName(u"dailySpin")
        self.dailySpin.setMinimum(1)
        self.dailySpin.setMaximum(1000)
        self.dailySpin.setValue(14)

        self.dailyRow.addWidget(self.dailySpin)

        self.dailyNote = QLabel(BackupSettingsDialog)
        self.dailyNote.setObjectName(u"dailyNote")

        self.dailyRow.addWidget(self.dailyNote)

        self.dailySpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dailyRow.addItem(self.dailySpacer)


        self.settingsForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.dailyRow)

        self.monthlyLabel = QLabel(BackupSettingsDialog)
        self.monthlyLabel.setObjectName(u"monthlyLabel")

        self.settingsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.monthlyLabel)

        self.monthlyRow = QHBoxLayout()
        self.monthlyRow.setObjectName(u"monthlyRow")
        self.monthlySpin = QSpinBox(BackupSettingsDialog)
        self.monthlySpin.setObjectName(u"monthlySpin")
        self.monthlySpin.setMinimum(0)
        self.monthlySpin.setMaximum(1000)
        self.monthlySpin.setValue(12)

        self.monthlyRow.addWidget(self.monthlySpin)

        self.monthlyNote = QLabel(BackupSettingsDialog)
        self.monthlyNote.setObjectName(u"monthlyNote")

        self.monthlyRow.addWidget(self.monthlyNote)

        self.monthlySpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.monthlyRow.addItem(self.monthlySpacer)


        self.settingsForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.monthlyRow)


        self.mainLayout.addLayout(self.settingsForm)

        self.errorLabel = QLabel(BackupSettingsDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.bottomSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(BackupSettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.folderLabel.setBuddy(self.folderEdit)
        self.dailyLabel.setBuddy(self.dailySpin)
        self.monthlyLabel.setBuddy(self.monthlySpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.folderEdit, self.browseButton)
        QWidget.setTabOrder(self.browseButton, self.defaultButton)
        QWidget.setTabOrder(self.defaultButton, self.dailySpin)
        QWidget.setTabOrder(self.dailySpin, self.monthlySpin)
        QWidget.setTabOrder(self.monthlySpin, self.buttonBox)

        self.retranslateUi(BackupSettingsDialog)
        self.buttonBox.accepted.connect(BackupSettingsDialog.accept)
        self.buttonBox.rejected.connect(BackupSettingsDialog.reject)

        QMetaObject.connectSlotsByName(BackupSettingsDialog)
    # setupUi

    def retranslateUi(self, BackupSettingsDialog):
        BackupSettingsDialog.setWindowTitle(QCoreApplication.translate("BackupSettingsDialog", u"Backup settings", None))
        self.explanationLabel.setText("")
        self.folderLabel.setText(QCoreApplication.translate("BackupSettingsDialog", u"Backup &folder:", None))
#if QT_CONFIG(tooltip)
        self.folderEdit.setToolTip(QCoreApplication.translate("BackupSettingsDialog", u"Where this database's backups go. Best on this computer or a drive of your own; not beside the database.", None))
#endif // QT_CONFIG(tooltip)
        self.browseButton.setText(QCoreApplication.translate("BackupSettingsDialog", u"&Browse\u2026", None))
        self.defaultButton.setText(QCoreApplication.translate("BackupSettingsDialog", u"&Default", None))
#if QT_CONFIG(tooltip)
        self.defaultButton.setToolTip(QCoreApplication.translate("BackupSettingsDialog", u"The program's own backup folder in your user data folder", None))
#endif // QT_CONFIG(tooltip)
        self.dailyLabel.setText(QCoreApplication.translate("BackupSettingsDialog", u"Keep &daily:", None))
#if QT_CONFIG(tooltip)
        self.dailySpin.setToolTip(QCoreApplication.translate("BackupSettingsDialog", u"The newest automatic backup of each of this many days is kept", None))
#endif // QT_CONFIG(tooltip)
        self.dailyNote.setText(QCoreApplication.translate("BackupSettingsDialog", u"automatic backups, the newest of each day", None))
        self.monthlyLabel.setText(QCoreApplication.translate("BackupSettingsDialog", u"Keep &monthly:", None))
#if QT_CONFIG(tooltip)
        self.monthlySpin.setToolTip(QCoreApplication.translate("BackupSettingsDialog", u"Before the daily ones, the newest automatic backup of each of this many months is kept", None))
#endif // QT_CONFIG(tooltip)
        self.monthlyNote.setText(QCoreApplication.translate("BackupSettingsDialog", u"more, the newest of each month before those", None))
        self.errorLabel.setText("")
    # retranslateUi

