# Automatically generated - do not edit.
# Source: forms/agenda_copy_dialog.ui (sha256 c80c205df44a4f904282132bb627e6af53d7f25c38910196ec43dd646f4a4c31)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agenda_copy_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_AgendaCopyDialog(object):
    def setupUi(self, AgendaCopyDialog):
        if not AgendaCopyDialog.objectName():
            AgendaCopyDialog.setObjectName(u"AgendaCopyDialog")
        AgendaCopyDialog.resize(560, 480)
        AgendaCopyDialog.setMinimumSize(QSize(520, 0))
        self.mainLayout = QVBoxLayout(AgendaCopyDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(AgendaCopyDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.copyForm = QFormLayout()
        self.copyForm.setObjectName(u"copyForm")
        self.copyForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.meetingLabel = QLabel(AgendaCopyDialog)
        self.meetingLabel.setObjectName(u"meetingLabel")

        self.copyForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.meetingLabel)

        self.meetingCombo = QComboBox(AgendaCopyDialog)
        self.meetingCombo.setObjectName(u"meetingCombo")

        self.copyForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.meetingCombo)


        self.mainLayout.addLayout(self.copyForm)

        self.itemsLabel = QLabel(AgendaCopyDialog)
        self.itemsLabel.setObjectName(u"itemsLabel")
        self.itemsLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.itemsLabel)

        self.itemsList = QListWidget(AgendaCopyDialog)
        self.itemsList.setObjectName(u"itemsList")
        self.itemsList.setAlternatingRowColors(True)

        self.mainLayout.addWidget(self.itemsList)

        self.tickRow = QHBoxLayout()
        self.tickRow.setObjectName(u"tickRow")
        self.allButton = QPushButton(AgendaCopyDialog)
        self.allButton.setObjectName(u"allButton")

        self.tickRow.addWidget(self.allButton)

        self.noneButton = QPushButton(AgendaCopyDialog)
        self.noneButton.setObjectName(u"noneButton")

        self.tickRow.addWidget(self.noneButton)

        self.tickRowSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.tickRow.addItem(self.tickRowSpacer)


        self.mainLayout.addLayout(self.tickRow)

        self.errorLabel = QLabel(AgendaCopyDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AgendaCopyDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.meetingLabel.setBuddy(self.meetingCombo)
        self.itemsLabel.setBuddy(self.itemsList)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AgendaCopyDialog)
        self.buttonBox.accepted.connect(AgendaCopyDialog.accept)
        self.buttonBox.rejected.connect(AgendaCopyDialog.reject)

        QMetaObject.connectSlotsByName(AgendaCopyDialog)
    # setupUi

    def retranslateUi(self, AgendaCopyDialog):
        AgendaCopyDialog.setWindowTitle(QCoreApplication.translate("AgendaCopyDialog", u"Copy from another meeting", None))
        self.introLabel.setText("")
        self.meetingLabel.setText(QCoreApplication.translate("AgendaCopyDialog", u"&From:", None))
        self.itemsLabel.setText(QCoreApplication.translate("AgendaCopyDialog", u"&Items to copy (a top-level item brings its sub-items; papers are not copied):", None))
        self.allButton.setText(QCoreApplication.translate("AgendaCopyDialog", u"Tick &all", None))
        self.noneButton.setText(QCoreApplication.translate("AgendaCopyDialog", u"Tick &none", None))
        self.errorLabel.setText("")
    # retranslateUi

